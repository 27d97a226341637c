-- Saved quizzes: each row holds its document (title, description, visibility, questions) as JSON
-- text, with the fields lists and checks need beside it. `version` counts saves, for the
-- editor's conflict check.

CREATE TABLE quizzes (
    id             VARCHAR(32)  PRIMARY KEY,
    owner_id       VARCHAR(32)  NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    title          VARCHAR(200) NOT NULL,
    visibility     VARCHAR(16)  NOT NULL,
    question_count INTEGER      NOT NULL,
    version        INTEGER      NOT NULL,
    document       TEXT         NOT NULL,
    created_at     BIGINT       NOT NULL,
    updated_at     BIGINT       NOT NULL
);
CREATE INDEX quizzes_owner ON quizzes (owner_id, updated_at);
CREATE INDEX quizzes_visibility ON quizzes (visibility, updated_at);
