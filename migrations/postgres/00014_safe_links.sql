-- Links from ingested data are shown as href attributes and given out by the
-- API and CSV, so only absolute http(s) URLs may be stored (models.CheckLinkURL
-- refuses the rest at ingest since this version). This clears the links an
-- older version stored that a browser could run or send elsewhere:
-- javascript:, data:, vbscript:, scheme-relative //host, any control
-- character, space or backslash (browsers drop tabs and newlines, so
-- "java\tscript:" runs), a user name before the host, or over 2,000 bytes.
-- Anything subtler that the check refuses the API, CSV and pages leave out.
--
-- Moderator names are compared case-folded since this version too; names
-- stored with capitals are lowered (ASCII; a name whose lower-case form is
-- already taken is left as it is).
-- +goose Up
UPDATE papers SET source_url = '' WHERE source_url <> '' AND (
    octet_length(source_url) > 2000
    OR source_url !~* '^https?://[^/?#]'
    OR source_url ~* '^https?://[^/?#]*@'
    OR source_url ~ '[\x01-\x20\x7f\\]');
UPDATE papers SET code_url = '' WHERE code_url <> '' AND (
    octet_length(code_url) > 2000
    OR code_url !~* '^https?://[^/?#]'
    OR code_url ~* '^https?://[^/?#]*@'
    OR code_url ~ '[\x01-\x20\x7f\\]');
UPDATE papers SET project_url = '' WHERE project_url <> '' AND (
    octet_length(project_url) > 2000
    OR project_url !~* '^https?://[^/?#]'
    OR project_url ~* '^https?://[^/?#]*@'
    OR project_url ~ '[\x01-\x20\x7f\\]');
UPDATE moderators m SET username = lower(m.username)
    WHERE m.username <> lower(m.username)
    AND NOT EXISTS (SELECT 1 FROM moderators o WHERE o.username = lower(m.username));

-- +goose Down
-- A cleared link is not restored: it was never safe to show.
SELECT 1;
