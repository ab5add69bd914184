-- Server-wide secrets, made by the application on first use (crypto/rand) and
-- shared by every server process through the database. The first is the key
-- that pseudonymises client addresses for the per-address limits: an unkeyed
-- hash of an IPv4 address is reversed by hashing all 2^32 of them.
-- +goose Up
CREATE TABLE secrets (
    name       TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- +goose Down
DROP TABLE secrets;
