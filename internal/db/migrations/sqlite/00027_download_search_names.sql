-- The download area's search also looks through file names (with their extension: a
-- search for "csv" finds the CSV files). The application now keeps the current
-- version's name in download_files.search; files stored before get it appended here.
-- (SQL's lower() may fold only ASCII letters: in a name stored before, a capital "Ü" is
-- folded once the file is saved or gets a new version. Its title, usually the same name,
-- was always folded fully by the application.)
-- +goose Up
UPDATE download_files SET search = search || ' ' || lower(COALESCE((SELECT v.original_name FROM download_versions v
    WHERE v.id = download_files.current_version_id), ''));

-- +goose Down
-- Nothing to undo: the longer search text finds a superset of what it found before.
SELECT 1;
