-- Catalog Engine schema, version 1. One script for SQLite, PostgreSQL and MariaDB; the few type differences are
-- Flyway placeholders filled in by the dialect: ${json_type} (TEXT, LONGTEXT on MariaDB where TEXT is 64 KiB),
-- ${text_type} (unbounded text for location keys and targets, never indexed), ${table_options} (InnoDB,
-- utf8mb4 with binary collation on MariaDB so that comparisons are case-sensitive as on the other two).
-- ${prefix} lets the engine live inside a service's database. Timestamps are BIGINT epoch milliseconds.
-- Refs are canonical, lower-cased `kind:namespace/name` strings; each part is at most 63 characters, so
-- VARCHAR(255) holds them (the engine rejects longer refs before writing).

-- S1: one row per known entity. Narrow on purpose: the processing state that changes often lives in
-- processing_queue, so rescheduling never rewrites entity bodies.
CREATE TABLE ${prefix}refresh_state (
  entity_id          VARCHAR(36)  NOT NULL,
  entity_ref         VARCHAR(255) NOT NULL,
  unprocessed_entity ${json_type} NOT NULL,
  unprocessed_hash   VARCHAR(40)  NOT NULL,
  processed_entity   ${json_type},
  result_hash        VARCHAR(64),
  cache              ${json_type},
  errors             ${json_type},
  location_key       ${text_type},
  last_discovery_at  BIGINT       NOT NULL,
  CONSTRAINT ${prefix}refresh_state_pk PRIMARY KEY (entity_id),
  -- lookup by ref (delta planning, K-rules, pruning, refresh) and the target of the edge foreign keys
  CONSTRAINT ${prefix}refresh_state_ref_uq UNIQUE (entity_ref)
)${table_options};

-- S2 improved (L3): schedule (next_update_at) and lease (lease_until, lease_owner) are separate; failure_count
-- drives the exponential back-off of failing entities.
CREATE TABLE ${prefix}processing_queue (
  entity_id      VARCHAR(36) NOT NULL,
  next_update_at BIGINT      NOT NULL,
  lease_until    BIGINT,
  lease_owner    VARCHAR(64),
  failure_count  INTEGER     NOT NULL DEFAULT 0,
  CONSTRAINT ${prefix}processing_queue_pk PRIMARY KEY (entity_id),
  CONSTRAINT ${prefix}processing_queue_entity_fk FOREIGN KEY (entity_id)
    REFERENCES ${prefix}refresh_state (entity_id) ON DELETE CASCADE
)${table_options};
-- the due-claim query: WHERE next_update_at <= now ORDER BY next_update_at LIMIT n (leases are checked on the
-- few rows it returns, so they need no index)
CREATE INDEX ${prefix}processing_queue_due_ix ON ${prefix}processing_queue (next_update_at);

-- S3: reference edges, provider -> root (source_key) or parent -> emitted child (source_entity_ref). No surrogate
-- id: the two unique indexes identify an edge and also forbid the duplicate edges Backstage accumulated (W7).
CREATE TABLE ${prefix}refresh_state_references (
  source_key        VARCHAR(255),
  source_entity_ref VARCHAR(255),
  target_entity_ref VARCHAR(255) NOT NULL,
  CONSTRAINT ${prefix}refresh_state_references_source_ck CHECK (
    (source_key IS NULL AND source_entity_ref IS NOT NULL) OR (source_key IS NOT NULL AND source_entity_ref IS NULL)),
  CONSTRAINT ${prefix}refresh_state_references_source_fk FOREIGN KEY (source_entity_ref)
    REFERENCES ${prefix}refresh_state (entity_ref) ON DELETE CASCADE,
  CONSTRAINT ${prefix}refresh_state_references_target_fk FOREIGN KEY (target_entity_ref)
    REFERENCES ${prefix}refresh_state (entity_ref) ON DELETE CASCADE
)${table_options};
-- bucket load (WHERE source_key = ?), orphaned-provider listing; one edge per provider and target
CREATE UNIQUE INDEX ${prefix}refresh_state_references_provider_uq
  ON ${prefix}refresh_state_references (source_key, target_entity_ref);
-- children of a parent (L20 edge replacement, P7 descent) and the cascade when a parent is deleted
CREATE UNIQUE INDEX ${prefix}refresh_state_references_parent_uq
  ON ${prefix}refresh_state_references (source_entity_ref, target_entity_ref);
-- parents of an entity (P7 ancestor walk, edge take-over, orphan test) and the cascade when a target is deleted
CREATE INDEX ${prefix}refresh_state_references_target_ix
  ON ${prefix}refresh_state_references (target_entity_ref);

-- S6: relations produced by processing an entity. No foreign keys on the refs: relations may dangle (E18).
CREATE TABLE ${prefix}relations (
  originating_entity_id VARCHAR(36)  NOT NULL,
  source_entity_ref     VARCHAR(255) NOT NULL,
  type                  VARCHAR(255) NOT NULL,
  target_entity_ref     VARCHAR(255) NOT NULL,
  CONSTRAINT ${prefix}relations_originating_fk FOREIGN KEY (originating_entity_id)
    REFERENCES ${prefix}refresh_state (entity_id) ON DELETE CASCADE
)${table_options};
-- the relation diff of one processed entity (L21) and the cascade when it is deleted
CREATE INDEX ${prefix}relations_originating_ix ON ${prefix}relations (originating_entity_id);
-- the stitcher reads the relations whose source is the entity being stitched (T1)
CREATE INDEX ${prefix}relations_source_ix ON ${prefix}relations (source_entity_ref);
-- P7/O4: entities with a relation to a deleted ref are reprocessed and restitched
CREATE INDEX ${prefix}relations_target_ix ON ${prefix}relations (target_entity_ref);

-- S4: stitched entities as readers see them; generation orders commits for the change feed (design 11).
CREATE TABLE ${prefix}final_entities (
  entity_id       VARCHAR(36)  NOT NULL,
  entity_ref      VARCHAR(255) NOT NULL,
  hash            VARCHAR(40)  NOT NULL,
  final_entity    ${json_type},
  last_updated_at BIGINT       NOT NULL,
  generation      BIGINT       NOT NULL,
  CONSTRAINT ${prefix}final_entities_pk PRIMARY KEY (entity_id),
  CONSTRAINT ${prefix}final_entities_entity_fk FOREIGN KEY (entity_id)
    REFERENCES ${prefix}refresh_state (entity_id) ON DELETE CASCADE,
  -- get by ref (R1)
  CONSTRAINT ${prefix}final_entities_ref_uq UNIQUE (entity_ref)
)${table_options};

-- the monotonic generation counter of final entities: a single row, updated in the stitch transaction
CREATE TABLE ${prefix}generation_counter (
  id         INTEGER NOT NULL,
  generation BIGINT  NOT NULL,
  CONSTRAINT ${prefix}generation_counter_pk PRIMARY KEY (id)
)${table_options};
INSERT INTO ${prefix}generation_counter (id, generation) VALUES (1, 0);

-- S7: flattened key/value rows of final entities, written by diff (T9, T10: keys and values at most 200 chars).
-- Column names avoid the reserved word KEY.
CREATE TABLE ${prefix}search (
  entity_id      VARCHAR(36)  NOT NULL,
  search_key     VARCHAR(200) NOT NULL,
  search_value   VARCHAR(200),
  original_value VARCHAR(200),
  CONSTRAINT ${prefix}search_entity_fk FOREIGN KEY (entity_id)
    REFERENCES ${prefix}refresh_state (entity_id) ON DELETE CASCADE
)${table_options};
-- the per-entity diff (T4), the cascade, and no duplicate (entity, key, value) rows
CREATE UNIQUE INDEX ${prefix}search_entity_uq ON ${prefix}search (entity_id, search_key, search_value);
-- filters key=value and key-exists (R2); facet and sort indexes are added with the read API
CREATE INDEX ${prefix}search_key_value_ix ON ${prefix}search (search_key, search_value);

-- S5/T7: deferred, coalesced stitch requests; the ticket fences workers whose lease expired. No foreign key:
-- a request for a deleted ref is how the stitcher learns to drop the final entity.
CREATE TABLE ${prefix}stitch_queue (
  entity_ref     VARCHAR(255) NOT NULL,
  stitch_ticket  VARCHAR(36)  NOT NULL,
  next_stitch_at BIGINT       NOT NULL,
  failure_count  INTEGER      NOT NULL DEFAULT 0,
  -- requests for the same ref coalesce into one row (T7)
  CONSTRAINT ${prefix}stitch_queue_pk PRIMARY KEY (entity_ref)
)${table_options};
-- the due-claim query of the stitch workers
CREATE INDEX ${prefix}stitch_queue_due_ix ON ${prefix}stitch_queue (next_stitch_at);

-- S9: refresh keys an entity registered; keys over 255 chars are stored hashed (180 chars + #sha256: + hex).
CREATE TABLE ${prefix}refresh_keys (
  entity_id   VARCHAR(36)  NOT NULL,
  refresh_key VARCHAR(255) NOT NULL,
  -- replacing one entity's keys (L21) and the cascade; also no duplicate keys per entity
  CONSTRAINT ${prefix}refresh_keys_pk PRIMARY KEY (entity_id, refresh_key),
  CONSTRAINT ${prefix}refresh_keys_entity_fk FOREIGN KEY (entity_id)
    REFERENCES ${prefix}refresh_state (entity_id) ON DELETE CASCADE
)${table_options};
-- refresh(keys) (P8)
CREATE INDEX ${prefix}refresh_keys_key_ix ON ${prefix}refresh_keys (refresh_key);

-- S8: registered locations. entity_ref is the generated Location entity, named by a SHA-1 of type:target, so
-- its uniqueness is the uniqueness of type+target (R10: a duplicate registration is a conflict) without
-- indexing a long URL.
CREATE TABLE ${prefix}locations (
  id         VARCHAR(36)  NOT NULL,
  type       VARCHAR(255) NOT NULL,
  target     ${text_type} NOT NULL,
  entity_ref VARCHAR(255) NOT NULL,
  created_at BIGINT       NOT NULL,
  CONSTRAINT ${prefix}locations_pk PRIMARY KEY (id),
  CONSTRAINT ${prefix}locations_entity_ref_uq UNIQUE (entity_ref)
)${table_options};

-- K7 improved: durable locationKey conflicts. source is 'provider:<name>' or 'entity:<parent ref>'.
CREATE TABLE ${prefix}conflicts (
  entity_ref            VARCHAR(255) NOT NULL,
  source                VARCHAR(320) NOT NULL,
  existing_location_key ${text_type},
  rejected_location_key ${text_type},
  first_seen_at         BIGINT       NOT NULL,
  last_seen_at          BIGINT       NOT NULL,
  seen_count            BIGINT       NOT NULL,
  -- one row per contested ref and rejected writer (upsert on every hit)
  CONSTRAINT ${prefix}conflicts_pk PRIMARY KEY (entity_ref, source)
)${table_options};
-- a writer's conflicts, cleared when it stops sending or succeeds
CREATE INDEX ${prefix}conflicts_source_ix ON ${prefix}conflicts (source);
