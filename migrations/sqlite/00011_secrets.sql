-- Server-wide secrets, made by the application on first use (crypto/rand) and
-- shared by every server process through the database (see the PostgreSQL
-- migration of this version).
-- +goose Up
CREATE TABLE secrets (
    name       TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- +goose Down
DROP TABLE secrets;
