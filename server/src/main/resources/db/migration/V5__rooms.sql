-- Rooms that survive a restart. From its opening, a room keeps a log beside its game's journal:
-- who is in it (name, role, bot, the SHA-256 of their session token, a server bot's skill), who
-- left or was removed, and who took over as host, so a server starting again can seat them as
-- they were and let them resume. A game's row exists from its room's opening; `started_at` is
-- the opening until the game starts. Each journal line and room-log entry also notes the room's message number
-- (`room_seq`) at the time, so a rebuilt room numbers its messages on from there, never back.

ALTER TABLE journal ADD COLUMN room_seq BIGINT NOT NULL DEFAULT 0;

CREATE TABLE room_log (
    game_id  VARCHAR(32) NOT NULL REFERENCES games (id) ON DELETE CASCADE,
    seq      INTEGER     NOT NULL,
    entry    TEXT        NOT NULL,
    room_seq BIGINT      NOT NULL,
    PRIMARY KEY (game_id, seq)
);

CREATE INDEX games_running ON games (ended_at);
