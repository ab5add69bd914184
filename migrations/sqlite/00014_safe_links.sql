-- Links from ingested data: only absolute http(s) URLs may be stored (see the
-- PostgreSQL migration of this version for the reasons). SQLite has no
-- regular expressions, so the same rules are spelt with substr, instr and
-- GLOB: the scheme, a host right after "://", no "@" in the authority (the
-- text before the first "/", "?" or "#"), no byte 1 to 32, 127 or backslash,
-- and at most 2,000 bytes.
-- +goose Up
UPDATE papers SET source_url = '' WHERE source_url <> '' AND (
    length(CAST(source_url AS BLOB)) > 2000
    OR NOT ((lower(substr(source_url, 1, 7)) = 'http://' AND substr(source_url, 8, 1) NOT IN ('', '/', '?', '#'))
         OR (lower(substr(source_url, 1, 8)) = 'https://' AND substr(source_url, 9, 1) NOT IN ('', '/', '?', '#')))
    OR instr(substr(substr(source_url, instr(source_url, '://') + 3), 1,
             min(instr(substr(source_url, instr(source_url, '://') + 3) || '/', '/'),
                 instr(substr(source_url, instr(source_url, '://') + 3) || '?', '?'),
                 instr(substr(source_url, instr(source_url, '://') + 3) || '#', '#')) - 1), '@') > 0
    OR source_url GLOB '*[' || char(1) || '-' || char(32) || char(92) || char(127) || ']*');
UPDATE papers SET code_url = '' WHERE code_url <> '' AND (
    length(CAST(code_url AS BLOB)) > 2000
    OR NOT ((lower(substr(code_url, 1, 7)) = 'http://' AND substr(code_url, 8, 1) NOT IN ('', '/', '?', '#'))
         OR (lower(substr(code_url, 1, 8)) = 'https://' AND substr(code_url, 9, 1) NOT IN ('', '/', '?', '#')))
    OR instr(substr(substr(code_url, instr(code_url, '://') + 3), 1,
             min(instr(substr(code_url, instr(code_url, '://') + 3) || '/', '/'),
                 instr(substr(code_url, instr(code_url, '://') + 3) || '?', '?'),
                 instr(substr(code_url, instr(code_url, '://') + 3) || '#', '#')) - 1), '@') > 0
    OR code_url GLOB '*[' || char(1) || '-' || char(32) || char(92) || char(127) || ']*');
UPDATE papers SET project_url = '' WHERE project_url <> '' AND (
    length(CAST(project_url AS BLOB)) > 2000
    OR NOT ((lower(substr(project_url, 1, 7)) = 'http://' AND substr(project_url, 8, 1) NOT IN ('', '/', '?', '#'))
         OR (lower(substr(project_url, 1, 8)) = 'https://' AND substr(project_url, 9, 1) NOT IN ('', '/', '?', '#')))
    OR instr(substr(substr(project_url, instr(project_url, '://') + 3), 1,
             min(instr(substr(project_url, instr(project_url, '://') + 3) || '/', '/'),
                 instr(substr(project_url, instr(project_url, '://') + 3) || '?', '?'),
                 instr(substr(project_url, instr(project_url, '://') + 3) || '#', '#')) - 1), '@') > 0
    OR project_url GLOB '*[' || char(1) || '-' || char(32) || char(92) || char(127) || ']*');
-- Moderator names are compared case-folded since this version: names stored
-- with capitals are lowered (ASCII; one whose lower-case form is taken stays).
UPDATE moderators SET username = lower(username)
    WHERE username <> lower(username)
    AND NOT EXISTS (SELECT 1 FROM moderators o WHERE o.username = lower(moderators.username));

-- +goose Down
-- A cleared link is not restored: it was never safe to show.
SELECT 1;
