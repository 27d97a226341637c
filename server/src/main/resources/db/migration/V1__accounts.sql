-- Accounts, their browser sessions and their bearer tokens. Only hashes of secrets are kept.
-- The same SQL runs on SQLite and PostgreSQL: ids are text, times are epoch milliseconds.

CREATE TABLE accounts (
    id            VARCHAR(32)  PRIMARY KEY,
    name          VARCHAR(32)  NOT NULL,
    name_key      VARCHAR(32)  NOT NULL UNIQUE, -- the name in lower case: names are unique ignoring case
    password_hash VARCHAR(255) NOT NULL,
    created_at    BIGINT       NOT NULL
);

CREATE TABLE sessions (
    token_hash VARCHAR(64) PRIMARY KEY,
    account_id VARCHAR(32) NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at BIGINT      NOT NULL,
    expires_at BIGINT      NOT NULL
);
CREATE INDEX sessions_account ON sessions (account_id);

CREATE TABLE api_tokens (
    token_hash VARCHAR(64) PRIMARY KEY,
    account_id VARCHAR(32) NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    label      VARCHAR(64) NOT NULL,
    created_at BIGINT      NOT NULL,
    UNIQUE (account_id, label)
);
