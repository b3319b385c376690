-- Catalog Engine schema, version 2: search rows and relation rows lose their foreign keys to refresh_state on
-- PostgreSQL and MariaDB. Both check every inserted row with a lookup (and on PostgreSQL a row lock) of the
-- referenced entity; with ~19 search rows and ~7.5 relation rows per entity that was 30% of a first load's time.
-- The store deletes these rows itself, in the same transaction, wherever it deletes an entity (DeleteEntities),
-- and the storage tests check after every test that none is left without its entity. SQLite keeps the keys (it
-- cannot drop a constraint without rebuilding the table, and checks a key with one index probe); the placeholder is
-- a no-op statement there. The statements come from the dialect (Dialect.placeholders).
${v2_drop_row_foreign_keys}
