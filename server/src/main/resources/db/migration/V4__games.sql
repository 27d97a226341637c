-- Games played: one row a game from its start, with its replay header (game, options, seed) as
-- JSON text, and its journal: every input the game accepted, in order, one JSON line each.
-- `owner_id` is the host's account; an anonymous host has `key_hash` instead, the SHA-256 of the
-- capability key in its report link. Journal rows are written in batches and may arrive twice
-- (after a spill), so (game_id, seq) is the key and a second write of a row changes nothing.

CREATE TABLE games (
    id         VARCHAR(32)  PRIMARY KEY,
    room       VARCHAR(8)   NOT NULL,
    game       VARCHAR(32)  NOT NULL,
    title      VARCHAR(200) NOT NULL,
    owner_id   VARCHAR(32)  REFERENCES accounts (id) ON DELETE CASCADE,
    key_hash   VARCHAR(64),
    header     TEXT         NOT NULL,
    players    INTEGER      NOT NULL,
    started_at BIGINT       NOT NULL,
    ended_at   BIGINT
);
CREATE INDEX games_owner ON games (owner_id, started_at);

CREATE TABLE journal (
    game_id VARCHAR(32) NOT NULL REFERENCES games (id) ON DELETE CASCADE,
    seq     INTEGER     NOT NULL,
    line    TEXT        NOT NULL,
    PRIMARY KEY (game_id, seq)
);
