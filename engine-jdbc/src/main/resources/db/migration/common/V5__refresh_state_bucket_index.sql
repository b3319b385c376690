-- Catalog Engine schema, version 5: on SQLite, an index that holds what a full mutation plans with (P4: each
-- entity's ref, unprocessed hash and location key), so that reading a provider's bucket touches only the index and
-- not the entity rows, whose bodies fill most of the table's pages (about twelve rows to a 16 KiB page): a
-- 100,000-entity bucket read every page of a 150 MiB table. PostgreSQL would still visit the rows (an index-only
-- scan needs pages marked all-visible, which processing writes keep undoing), and MariaDB cannot index the
-- unbounded location key; there the placeholder is a statement that changes nothing. The statement comes from the
-- dialect (Dialect.placeholders), LoadBucket names the index on SQLite.
${v5_bucket_index}
