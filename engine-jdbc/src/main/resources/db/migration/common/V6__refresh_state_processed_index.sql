-- Catalog Engine schema, version 6: on SQLite, a partial index of the refs of entities with a processing result
-- (a processed body or errors). A processing write asks which of its relation peers have one (only those get a
-- stitch request, WriteResultsBatch.everProcessed); answered from the entity rows, each peer cost a read of a
-- table page that the bodies fill, 1.6 s of the single writer's time in a 100,000-entity first load. The index
-- holds only the ref, and only for processed entities. PostgreSQL and MariaDB never ask (their writers run
-- concurrently and request every peer); there the placeholder is a statement that changes nothing. The statement
-- comes from the dialect (Dialect.placeholders), WriteResultsBatch names the index on SQLite.
${v6_processed_index}
