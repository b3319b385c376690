-- Catalog Engine schema, version 3: a relation row may hold two relations of its originating entity, one and its
-- reverse. The built-in relations come in pairs (A ownedBy B with B ownerOf A, A dependsOn B with B dependencyOf
-- A, ...), both made by processing A; a row (originating, source, type, target, reverse_type) now stands for
-- (source, type, target) and, where reverse_type is set, also (target, reverse_type, source). That halves a
-- first load's relation rows (7.5 per entity in the generated catalogs), and with them the inserts into the
-- indexes by source and by target, whose keys arrive in random order. Readers look up a ref by source for the
-- first relation and by target for the reverse one; both indexes exist. Rows written before this version have no
-- reverse_type and keep meaning one relation each, so no row needs rewriting.
ALTER TABLE ${prefix}relations ADD COLUMN reverse_type VARCHAR(255);
