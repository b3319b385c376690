-- Catalog Engine schema, version 7: on PostgreSQL, the key columns compare and sort by their bytes (collation "C"),
-- as on SQLite (BINARY) and MariaDB (utf8mb4_bin). The database's default collation may be a language's, whose
-- comparisons go through the C library's strcoll: every B-tree insert and lookup on refs, ids, search keys and
-- values paid for it, and rows sorted by ref came back in another order than on the other two databases and than
-- the engine's own sorting (which orders its row locks). SQLite and MariaDB: a statement that changes nothing. The
-- statements come from the dialect (Dialect.placeholders).
${v7_binary_collation}
