-- Catalog Engine schema, version 4: T9's <path>.<element> = true rows are no longer stored. The row of the string
-- element itself, (<path>, <element>), carries element_key = 1 instead (0 on every other row), and a filter on
-- <path>.<element> is answered from it (FilterConditions tries each split of the filter key at a dot). In
-- generated catalogs those rows were a sixth of all search rows, each under a key of its own (tags, members,
-- dependencies), so every one was an insert at a random place of the (key, value) index. Rows written before this
-- version keep their <path>.<element> rows and no marks; both read the same, and the next stitch that changes an
-- entity's final body replaces them.
ALTER TABLE ${prefix}search ADD COLUMN element_key SMALLINT DEFAULT 0 NOT NULL;
