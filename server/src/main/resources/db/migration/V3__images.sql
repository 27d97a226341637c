-- Images uploaded for quiz questions: the file's bytes exactly as sent, beside what its header
-- said (type, size in pixels). The same SQL runs on SQLite and PostgreSQL: BYTEA is PostgreSQL's
-- binary type, and SQLite, which takes any type name, keeps the bytes bound to it as a BLOB.
-- `content` comes last, so a list of images never reads it.

CREATE TABLE images (
    id           VARCHAR(32) PRIMARY KEY,
    owner_id     VARCHAR(32) NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    content_type VARCHAR(32) NOT NULL,
    width        INTEGER     NOT NULL,
    height       INTEGER     NOT NULL,
    byte_size    INTEGER     NOT NULL,
    created_at   BIGINT      NOT NULL,
    content      BYTEA       NOT NULL
);
CREATE INDEX images_owner ON images (owner_id, created_at);
