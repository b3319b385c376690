package org.catalogengine.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.catalogengine.error.ConflictException;
import org.catalogengine.error.InputException;
import org.catalogengine.error.NotFoundException;
import org.catalogengine.error.StorageException;
import org.catalogengine.spi.storage.DeltaPlanner;
import org.catalogengine.spi.provider.GeneratedLocations;
import org.catalogengine.spi.storage.MutationPlan;
import org.catalogengine.spi.storage.RefreshKeys;
import org.catalogengine.spi.storage.StoredEntry;
import org.catalogengine.jdbc.internal.dialect.Dialect;
import org.catalogengine.jdbc.internal.operations.Chunks;
import org.catalogengine.jdbc.internal.operations.conflicts.ClearConflicts;
import org.catalogengine.jdbc.internal.operations.conflicts.RecordConflicts;
import org.catalogengine.jdbc.internal.operations.locations.DeleteLocation;
import org.catalogengine.jdbc.internal.operations.locations.FindLocations;
import org.catalogengine.jdbc.internal.operations.locations.InsertLocation;
import org.catalogengine.jdbc.internal.operations.processing.ReplaceChildEdges;
import org.catalogengine.jdbc.internal.operations.processing.WriteProcessedEntity;
import org.catalogengine.jdbc.internal.operations.provider.DeleteProviderEdges;
import org.catalogengine.jdbc.internal.operations.provider.InsertProviderEdges;
import org.catalogengine.jdbc.internal.operations.provider.ListSourceKeys;
import org.catalogengine.jdbc.internal.operations.provider.LoadBucket;
import org.catalogengine.jdbc.internal.operations.provider.LookupEntries;
import org.catalogengine.jdbc.internal.operations.provider.PruneSubtrees;
import org.catalogengine.jdbc.internal.operations.provider.TakeOverEdges;
import org.catalogengine.jdbc.internal.operations.read.CountRows;
import org.catalogengine.jdbc.internal.operations.read.EdgesTo;
import org.catalogengine.jdbc.internal.operations.read.FindEntityState;
import org.catalogengine.jdbc.internal.operations.read.ListConflicts;
import org.catalogengine.jdbc.internal.operations.read.QueryEntities;
import org.catalogengine.jdbc.internal.operations.refresh.RefreshByKeys;
import org.catalogengine.jdbc.internal.operations.refresh.ReplaceRefreshKeys;
import org.catalogengine.jdbc.internal.schema.Migrator;
import org.catalogengine.jdbc.internal.schema.Tables;
import org.catalogengine.jdbc.internal.store.EntityWrites;
import org.catalogengine.jdbc.internal.tx.RetryPolicy;
import org.catalogengine.jdbc.internal.tx.Transactor;
import org.catalogengine.jdbc.internal.tx.Tx;
import org.catalogengine.model.Entity;
import org.catalogengine.model.EntityRef;
import org.catalogengine.query.EntityFilter;
import org.catalogengine.spi.provider.DeferredEntity;
import org.catalogengine.spi.provider.EntityMutation;
import org.catalogengine.spi.provider.RemovedEntity;
import org.catalogengine.spi.storage.CatalogStore;
import org.catalogengine.spi.storage.ChildWriteResult;
import org.catalogengine.spi.storage.ConflictEvent;
import org.catalogengine.spi.storage.ConflictListener;
import org.catalogengine.spi.storage.ConflictRecord;
import org.catalogengine.spi.storage.EntityState;
import org.catalogengine.spi.storage.MutationResult;
import org.catalogengine.spi.storage.ReferenceEdge;
import org.catalogengine.spi.storage.StoreStatistics;
import org.catalogengine.spi.storage.StoredLocation;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link CatalogStore} on jOOQ for SQLite (embedded default), PostgreSQL and MariaDB.
 *
 * <pre>{@code
 * CatalogStore store = JdbcCatalogStore.builder()
 *     .jdbcUrl("jdbc:postgresql://db/catalog")   // or .dataSource(serviceDataSource)
 *     .schema("catalog")                           // PostgreSQL only; or .tablePrefix("ce_")
 *     .build();                                    // migrates unless .migrateOnStart(false)
 * }</pre>
 *
 * <p>With {@code jdbcUrl} the store creates and owns a HikariCP pool (closed by {@link #close()}); a handed-in
 * {@code DataSource} stays the caller's. SQLite runs in WAL mode with {@code synchronous=NORMAL}, a busy timeout
 * and foreign keys on; its write transactions are serialised inside the store because SQLite has one writer.
 * For tests, {@code jdbc:sqlite:file:NAME?mode=memory&cache=shared} gives a shared in-memory database that lives
 * until the store is closed. Thread-safe.
 *
 * @since 0.1 (experimental)
 */
public final class JdbcCatalogStore implements CatalogStore {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcCatalogStore.class);
  private static final int MAX_REF_LENGTH = 255;
  /**
   * The page size of a new SQLite database, 16 KiB instead of SQLite's 4 KiB. The search index by (key, value) and
   * the relation indexes by source and target take their rows at random places, so every batch dirties most of
   * their pages and its commit writes them all to the WAL again, one frame per page. Four times fewer, larger
   * frames took a 100,000-entity first load from 58–66 s to 45–54 s on the 2-core machine (2 runs each, alternating;
   * 32 KiB was no better and 64 KiB worse).
   */
  static final int SQLITE_PAGE_SIZE = 16_384;
  /** Full mutations at least this large have their content hashes made in parallel, before the transaction. */
  private static final int PARALLEL_HASHING = 1_000;
  private static final int MAX_SOURCE_LENGTH = 255;

  private final DataSource dataSource;
  private final @Nullable HikariDataSource ownedPool;
  private final @Nullable Connection keeper;
  private final Dialect dialect;
  private final Tables tables;
  private final Transactor tx;
  private final org.catalogengine.jdbc.internal.store.PlannerStatistics plannerStatistics;
  private final Migrator migrator;
  private final ConflictListener conflictListener;
  private final InstantSource clock;

  private JdbcCatalogStore(Builder b) {
    HikariDataSource pool = null;
    Connection keep = null;
    try {
      if (b.dataSource != null) {
        this.dataSource = b.dataSource;
        try (Connection c = b.dataSource.getConnection()) {
          this.dialect = Dialect.fromConnection(c);
        } catch (SQLException e) {
          throw new StorageException("Cannot connect to the catalog database: " + e.getMessage(), e);
        }
      } else {
        String url = Objects.requireNonNull(b.jdbcUrl);
        this.dialect = Dialect.fromUrl(url);
        if (dialect == Dialect.SQLITE && url.contains("mode=memory")) {
          // an in-memory SQLite database lives as long as one connection to it is open
          keep = DriverManager.getConnection(url);
        }
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(url);
        if (b.username != null) {
          cfg.setUsername(b.username);
        }
        if (b.password != null) {
          cfg.setPassword(b.password);
        }
        cfg.setDataSourceProperties(dialect.poolDataSourceProperties());
        cfg.setMaximumPoolSize(b.maximumPoolSize > 0 ? b.maximumPoolSize
            : dialect == Dialect.SQLITE ? (keep != null ? 1 : 5) : 10);
        cfg.setPoolName("catalog-store");
        pool = new HikariDataSource(cfg);
        this.dataSource = pool;
      }
      String schema = dialect.effectiveSchema(b.schema);
      this.tables = new Tables(b.tablePrefix, schema);
      this.clock = b.clock;
      // a kept writer connection needs a pool of our own with room for readers beside it
      boolean keepWriter = dialect.singleWriter() && pool != null && pool.getMaximumPoolSize() > 1;
      // the checkpointer holds a connection too: only where two are still left for reads
      boolean backgroundCheckpoints = keepWriter && pool.getMaximumPoolSize() >= 4;
      this.tx = new Transactor(dataSource, dialect, tables, RetryPolicy.defaults(), clock, keepWriter,
          backgroundCheckpoints);
      this.plannerStatistics = new org.catalogengine.jdbc.internal.store.PlannerStatistics(tx, dialect,
          tables.all().values());
      this.migrator = new Migrator(dataSource, dialect, b.tablePrefix, schema);
      this.conflictListener = b.conflictListener;
      if (dialect == Dialect.SQLITE) {
        enableWal(dataSource);
      }
      if (b.migrateOnStart) {
        migrator.migrate();
      } else {
        migrator.requireUpToDate();
      }
    } catch (RuntimeException | SQLException e) {
      closeQuietly(pool, keep);
      if (e instanceof RuntimeException re) {
        throw re;
      }
      throw new StorageException("Cannot open the catalog database: " + e.getMessage(), e);
    }
    this.ownedPool = pool;
    this.keeper = keep;
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The detected database, e.g. {@code POSTGRES}. */
  public String databaseName() {
    return dialect.name();
  }

  /** Applies pending migrations (for services that start with {@code migrateOnStart(false)}). */
  public void migrate() {
    migrator.migrate();
  }

  // ---------------------------------------------------------------------------------------------- providers

  @Override
  public MutationResult applyMutation(String source, EntityMutation mutation) {
    requireSource(source);
    Objects.requireNonNull(mutation, "mutation");
    long h0 = System.nanoTime();
    validate(source, mutation);
    Map<DeferredEntity, String> serialised = mutation instanceof EntityMutation.Full full
        && full.entities().size() >= PARALLEL_HASHING ? prepareFull(source, full) : Map.of();
    long h1 = System.nanoTime();
    MutationResult result = tx.write("Mutation of provider '" + source + "'", t -> {
      long w0 = System.nanoTime();
      dialect.lockBucket(t, "catalog-bucket:" + tables.prefix() + ":" + tables.schema() + ":" + source);
      if (mutation instanceof EntityMutation.Full full) {
        List<StoredEntry> bucket = LoadBucket.run(t, source);
        long w1 = System.nanoTime();
        MutationPlan plan = DeltaPlanner.planFull(bucket, full.entities());
        if (LOG.isDebugEnabled()) {
          LOG.debug("Provider '{}' full mutation of {}: validated and hashed in {} ms, writer after {} ms,"
              + " bucket of {} read in {} ms, planned in {} ms", source, full.entities().size(), (h1 - h0) / 1_000_000,
              (w0 - h1) / 1_000_000, bucket.size(), (w1 - w0) / 1_000_000, (System.nanoTime() - w1) / 1_000_000);
        }
        Set<String> sent = new HashSet<>();
        full.entities().forEach(d -> sent.add(d.entity().ref().toString()));
        return applyPlan(t, source, plan, sent, Set.of(), serialised);
      }
      EntityMutation.Delta delta = (EntityMutation.Delta) mutation;
      Set<String> lookup = new HashSet<>();
      delta.added().forEach(d -> lookup.add(d.entity().ref().toString()));
      delta.removed().forEach(r -> lookup.add(r.ref().toString()));
      Map<EntityRef, StoredEntry> existing = new HashMap<>();
      LookupEntries.run(t, lookup).values().forEach(e ->
          existing.put(EntityRef.parse(e.ref()), new StoredEntry(EntityRef.parse(e.ref()), e.unprocessedHash(),
              e.locationKey())));
      MutationPlan plan = DeltaPlanner.planDelta(existing, delta.added(), delta.removed());
      Set<String> removed = new HashSet<>();
      delta.removed().forEach(r -> removed.add(r.ref().toString()));
      return applyPlan(t, source, plan, null, removed, Map.of());
    });
    plannerStatistics.mutated((long) result.inserted() + result.updated() + result.deleted());
    LOG.debug("Provider '{}' mutation committed {} ms after its call", source, (System.nanoTime() - h0) / 1_000_000);
    return result;
  }

  /**
   * The planner compares content hashes: they are made here, on all cores and before the write transaction (on
   * SQLite the single writer lock). Into an empty bucket (a first load) every body is written, so the bodies are
   * made here too, hashed on the way, and returned by identity; otherwise only the changed ones are, in the
   * transaction. A bucket that changes meanwhile costs only time: a body not made here is made when written.
   */
  private Map<DeferredEntity, String> prepareFull(String source, EntityMutation.Full full) {
    if (tx.read("Checking the bucket of provider '" + source + "'", t -> LoadBucket.isEmpty(t, source))) {
      return EntityWrites.serialise(full.entities());
    }
    full.entities().parallelStream().forEach(d -> d.entity().contentHash());
    return Map.of();
  }

  /**
   * Runs a plan: prune removed and re-keyed refs, write inserts/updates/replaces under the K-rules, move edges,
   * record and clear conflicts. {@code sent} (full mutations) clears conflicts of refs no longer sent;
   * {@code removed} (delta) clears conflicts of refs removed. {@code bodies} holds the canonical JSON of items
   * serialised before the transaction ({@link EntityWrites#serialise}).
   */
  private MutationResult applyPlan(Tx t, String source, MutationPlan plan, @Nullable Set<String> sent,
      Set<String> removed, Map<DeferredEntity, String> bodies) {
    String conflictSource = ConflictRecord.providerSource(source);
    Set<String> knownConflicts = ClearConflicts.refsOf(t, conflictSource);
    if (plan.isEmpty() && (knownConflicts.isEmpty() || sent != null && sent.containsAll(knownConflicts))
        && removed.stream().noneMatch(knownConflicts::contains)) {
      return new MutationResult(0, 0, 0, plan.unchanged(), 0);
    }
    List<String> toPrune = new ArrayList<>();
    plan.deletes().forEach(r -> toPrune.add(r.toString()));
    plan.replaces().forEach(d -> toPrune.add(d.entity().ref().toString()));
    long t0 = System.nanoTime();
    PruneSubtrees.Result pruned = PruneSubtrees.run(t, source, toPrune);
    long t1 = System.nanoTime();

    TreeMap<String, DeferredEntity> writes = new TreeMap<>();
    for (List<DeferredEntity> l : List.of(plan.inserts(), plan.updates(), plan.replaces())) {
      l.forEach(d -> writes.put(d.entity().ref().toString(), d));
    }
    EntityWrites.Outcome out = EntityWrites.write(t, List.copyOf(writes.values()), bodies);
    long t2 = System.nanoTime();
    List<String> reclaimed = new ArrayList<>(out.updated());
    reclaimed.addAll(out.untouched());
    reclaimed.sort(null);
    TakeOverEdges.run(t, source, reclaimed);
    InsertProviderEdges.run(t, source, out.written());
    long t3 = System.nanoTime();
    if (LOG.isDebugEnabled()) {
      LOG.debug("Provider '{}' mutation: prune {} ms, entity writes {} ms, edges {} ms", source,
          (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
    }

    List<String> conflicted = out.conflicts().stream().map(RecordConflicts.Hit::ref).toList();
    DeleteProviderEdges.run(t, source, conflicted);
    List<RecordConflicts.Hit> newlySeen = RecordConflicts.run(t, conflictSource, out.conflicts());
    Set<String> clear = new HashSet<>();
    for (String ref : knownConflicts) {
      boolean stillConflicting = conflicted.contains(ref);
      if (!stillConflicting && (sent == null ? removed.contains(ref) || writes.containsKey(ref) : true)) {
        clear.add(ref);
      }
    }
    ClearConflicts.run(t, conflictSource, clear);
    restitchContested(t, newlySeen, clear);
    for (RecordConflicts.Hit h : newlySeen) {
      t.afterCommit(() -> LOG.warn("Provider '{}' sent {} with location key {}, but it is already claimed by {};"
              + " the stored entity is kept (conflict recorded, logged once)", source, h.ref(),
          describeKey(h.rejectedKey()), describeKey(h.existingKey())));
      publish(t, conflictSource, h);
    }
    return new MutationResult(out.inserted().size(), out.updated().size(), pruned.deleted().size(),
        plan.unchanged() + out.untouched().size(), out.conflicts().size(),
        org.catalogengine.jdbc.internal.operations.stitching.Generations.removals(t, pruned.deleted()));
  }

  @Override
  public int refresh(Collection<String> keys) {
    List<String> normalized = keys.stream().map(RefreshKeys::normalize).distinct().sorted().toList();
    if (normalized.isEmpty()) {
      return 0;
    }
    return tx.write("Refresh by keys", t -> RefreshByKeys.run(t, normalized));
  }

  @Override
  public void replaceRefreshKeys(EntityRef ref, Collection<String> keys) {
    List<String> normalized = keys.stream().map(RefreshKeys::normalize).distinct().sorted().toList();
    tx.write("Replacing refresh keys of " + ref, t -> {
      LookupEntries.Existing e = LookupEntries.run(t, List.of(ref.toString())).get(ref.toString());
      if (e == null) {
        throw new NotFoundException("Cannot register refresh keys for " + ref + ": no such entity");
      }
      ReplaceRefreshKeys.run(t, e.entityId(), normalized);
      return null;
    });
  }

  @Override
  public Set<String> sourceKeys() {
    return tx.read("Listing provider source keys", ListSourceKeys::run);
  }

  // --------------------------------------------------------------------------------------------- processing

  @Override
  public ChildWriteResult upsertChildren(EntityRef parent, List<DeferredEntity> children) {
    String parentRef = parent.toString();
    TreeMap<String, DeferredEntity> byRef = new TreeMap<>();
    for (DeferredEntity d : children) {
      String ref = d.entity().ref().toString();
      if (ref.equals(parentRef)) {
        LOG.warn("Entity {} emitted itself as a child; the emission is ignored (CS40)", parent);
        continue;
      }
      requireRefLength(ref, () -> "Entity " + parent + " emitted a child");
      byRef.put(ref, d);
    }
    return tx.write("Writing the children of " + parent, t -> {
      if (LookupEntries.run(t, List.of(parentRef)).isEmpty()) {
        throw new NotFoundException("Cannot write children of " + parent + ": no such entity");
      }
      EntityWrites.Outcome out = EntityWrites.write(t, List.copyOf(byRef.values()));
      List<String> written = out.written();
      ReplaceChildEdges.run(t, parentRef, written);
      String source = ConflictRecord.entitySource(parent);
      List<String> conflicted = out.conflicts().stream().map(RecordConflicts.Hit::ref).toList();
      Set<String> stale = new HashSet<>(ClearConflicts.refsOf(t, source));
      conflicted.forEach(stale::remove);
      ClearConflicts.run(t, source, stale);
      for (RecordConflicts.Hit h : RecordConflicts.run(t, source, out.conflicts())) {
        t.afterCommit(() -> LOG.warn("Entity {} emitted {} with location key {}, but it is already claimed by {};"
                + " the stored entity is kept (conflict recorded, logged once)", parent, h.ref(),
            describeKey(h.rejectedKey()), describeKey(h.existingKey())));
        publish(t, source, h);
      }
      return new ChildWriteResult(written.stream().map(EntityRef::parse).toList(),
          conflicted.stream().map(EntityRef::parse).toList());
    });
  }

  @Override
  public void writeProcessedEntity(
      EntityRef ref, @Nullable String claimedLocationKey, Entity processed, String resultHash) {
    WriteProcessedEntity.Input in =
        new WriteProcessedEntity.Input(ref.toString(), claimedLocationKey, processed.toString(), resultHash);
    tx.write("Writing the processed entity " + ref, t -> {
      if (WriteProcessedEntity.run(t, in)) {
        return null;
      }
      LookupEntries.Existing e = LookupEntries.run(t, List.of(ref.toString())).get(ref.toString());
      if (e == null) {
        throw new NotFoundException("Cannot store the processing result of " + ref + ": no such entity");
      }
      throw new ConflictException("Processing result of " + ref + " rejected (K5): it was claimed with location"
          + " key " + describeKey(claimedLocationKey) + " but the entity is now claimed by "
          + describeKey(e.locationKey()));
    });
  }

  // ---------------------------------------------------------------------------------------------- locations

  @Override
  public StoredLocation insertLocation(String type, String target) {
    if (type == null || type.isBlank() || target == null || target.isBlank()) {
      throw new InputException("A location needs a non-blank type and target, got '" + type + "' and '"
          + target + "'");
    }
    EntityRef ref = GeneratedLocations.of(type, target).entity().ref();
    StoredLocation location = new StoredLocation(Chunks.newId(), type, target, ref);
    return tx.write("Registering location " + type + ":" + target, t -> {
      if (!InsertLocation.run(t, location)) {
        throw new ConflictException("Location " + type + ":" + target + " is already registered");
      }
      return location;
    });
  }

  @Override
  public Optional<StoredLocation> deleteLocation(String id) {
    return tx.write("Deleting location " + id, t -> {
      Optional<StoredLocation> found = FindLocations.byId(t, id);
      found.ifPresent(l -> DeleteLocation.run(t, id));
      return found;
    });
  }

  @Override
  public Optional<StoredLocation> location(String id) {
    return tx.read("Reading location " + id, t -> FindLocations.byId(t, id));
  }

  @Override
  public List<StoredLocation> locations() {
    return tx.read("Listing locations", FindLocations::all);
  }

  // ----------------------------------------------------------------------------------------------- reading

  @Override
  public Optional<EntityState> findEntityState(EntityRef ref) {
    return tx.read("Reading " + ref, t -> FindEntityState.run(t, ref));
  }

  @Override
  public List<ReferenceEdge> edgesTo(EntityRef target) {
    return tx.read("Reading the edges to " + target, t -> EdgesTo.run(t, target));
  }

  @Override
  public List<ConflictRecord> conflicts() {
    return tx.read("Listing conflicts", ListConflicts::run);
  }

  @Override
  public StoreStatistics statistics() {
    return tx.read("Counting rows", CountRows::run);
  }

  /**
   * This store's write transactions since it was opened: count, summed duration, summed wait for the
   * single-writer lock (SQLite) and the CPU time of the threads that ran them. Cheap (four counters); see
   * {@link WriteStatistics} for reading the figures.
   */
  public WriteStatistics writeStatistics() {
    return tx.writeStatistics();
  }

  @Override
  public void close() {
    tx.close();
    closeQuietly(ownedPool, keeper);
  }

  // --------------------------------------------------------------------------------------------- internals

  private void publish(Tx t, String source, RecordConflicts.Hit h) {
    if (h.rejectedKey() == null) {
      return; // K4: an event only when the rejected write carried a key
    }
    ConflictEvent event = new ConflictEvent(EntityRef.parse(h.ref()), source, h.existingKey(), h.rejectedKey(),
        h.rejected(), java.time.Instant.ofEpochMilli(t.now()));
    t.afterCommit(() -> {
      try {
        conflictListener.onConflict(event);
      } catch (RuntimeException e) {
        LOG.warn("Conflict listener failed for {}", event.ref(), e);
      }
    });
  }

  private static void validate(String source, EntityMutation mutation) {
    if (mutation instanceof EntityMutation.Full full) {
      checkItems(source, "item", full.entities());
    } else {
      EntityMutation.Delta delta = (EntityMutation.Delta) mutation;
      checkItems(source, "added item", delta.added());
      List<RemovedEntity> removed = delta.removed();
      for (int i = 0; i < removed.size(); i++) {
        int index = i;
        requireRefLength(removed.get(i).ref().toString(),
            () -> "Provider '" + source + "' mutation rejected, nothing stored: removed item #" + index);
      }
    }
  }

  private static void checkItems(String source, String what, List<DeferredEntity> items) {
    for (int i = 0; i < items.size(); i++) {
      int index = i;
      requireRefLength(items.get(i).entity().ref().toString(),
          () -> "Provider '" + source + "' mutation rejected, nothing stored: " + what + " #" + index);
    }
  }

  private static void requireRefLength(String ref, java.util.function.Supplier<String> context) {
    if (ref.length() > MAX_REF_LENGTH) {
      throw new InputException(context.get() + " (" + ref.substring(0, 60) + "…): its entity ref is "
          + ref.length() + " characters long; at most " + MAX_REF_LENGTH + " fit (kind, namespace and name are"
          + " limited to 63 characters each, E8–E11)");
    }
  }

  private static void requireSource(String source) {
    if (source == null || source.isBlank() || source.length() > MAX_SOURCE_LENGTH) {
      throw new InputException("A provider name must be 1–" + MAX_SOURCE_LENGTH + " characters, got '" + source
          + "'");
    }
  }

  private static String describeKey(@Nullable String key) {
    return key == null ? "(none)" : "'" + key + "'";
  }

  /**
   * Puts a SQLite database in WAL mode (persistent in the file). A database that is still empty first gets
   * {@link #SQLITE_PAGE_SIZE}-byte pages: the page size is fixed once the file has content, and in WAL mode it can
   * no longer change, so this is the only moment to choose it. An existing database keeps its page size.
   */
  private static void enableWal(DataSource ds) throws SQLException {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      boolean empty;
      try (ResultSet rs = s.executeQuery("PRAGMA page_count")) {
        empty = rs.next() && rs.getLong(1) == 0;
      }
      if (empty) {
        s.execute("PRAGMA page_size = " + SQLITE_PAGE_SIZE);
      }
      s.execute("PRAGMA journal_mode = WAL");
    }
  }

  private static void closeQuietly(@Nullable HikariDataSource pool, @Nullable Connection keep) {
    if (pool != null) {
      pool.close();
    }
    if (keep != null) {
      try {
        keep.close();
      } catch (SQLException e) {
        LOG.debug("Closing the in-memory SQLite keeper connection failed", e);
      }
    }
  }

  /**
   * Configures a {@link JdbcCatalogStore}. Each option is checked when set; {@link #build()} checks the
   * combination, connects and migrates.
   */
  public static final class Builder {
    private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9_]{0,19}|");
    private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private @Nullable DataSource dataSource;
    private @Nullable String jdbcUrl;
    private @Nullable String username;
    private @Nullable String password;
    private String tablePrefix = "";
    private @Nullable String schema;
    private boolean migrateOnStart = true;
    private int maximumPoolSize;
    private InstantSource clock = InstantSource.system();
    private ConflictListener conflictListener = ConflictListener.NONE;

    private Builder() {}

    /** Uses the embedding service's {@code DataSource}; the store does not close it. */
    public Builder dataSource(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
      return this;
    }

    /** Connects through a HikariCP pool the store creates and owns. */
    public Builder jdbcUrl(String jdbcUrl) {
      Dialect.fromUrl(Objects.requireNonNull(jdbcUrl, "jdbcUrl"));
      this.jdbcUrl = jdbcUrl;
      return this;
    }

    /** Credentials for {@link #jdbcUrl}. */
    public Builder credentials(String username, @Nullable String password) {
      this.username = Objects.requireNonNull(username, "username");
      this.password = password;
      return this;
    }

    /** A prefix for every table (lower case letters, digits, underscores; at most 20), default none. */
    public Builder tablePrefix(String prefix) {
      if (prefix == null || !PREFIX.matcher(prefix).matches()) {
        throw new InputException("Table prefix '" + prefix + "' must be empty or start with a lower-case letter"
            + " followed by at most 19 lower-case letters, digits or underscores");
      }
      this.tablePrefix = prefix;
      return this;
    }

    /** The PostgreSQL schema to create the tables in (created if missing); PostgreSQL only. */
    public Builder schema(String schema) {
      if (schema == null || !SCHEMA.matcher(schema).matches()) {
        throw new InputException("Schema '" + schema + "' must be a lower-case SQL identifier");
      }
      this.schema = schema;
      return this;
    }

    /** Whether {@link #build()} applies pending migrations (default true); if false it fails when any pend. */
    public Builder migrateOnStart(boolean migrateOnStart) {
      this.migrateOnStart = migrateOnStart;
      return this;
    }

    /**
     * The size of the pool created for {@link #jdbcUrl} (default 10; SQLite 5, in-memory SQLite 1). On a SQLite file
     * the store keeps one connection for all writes and, with at least 4, one for copying the write-ahead log back
     * in the background.
     */
    public Builder maximumPoolSize(int size) {
      if (size < 1) {
        throw new InputException("maximumPoolSize must be at least 1, got " + size);
      }
      this.maximumPoolSize = size;
      return this;
    }

    /** The clock for every timestamp the store writes (default the system clock). */
    public Builder clock(InstantSource clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Receives newly seen locationKey conflicts (default {@link ConflictListener#NONE}). */
    public Builder conflictListener(ConflictListener listener) {
      this.conflictListener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Connects, detects the database, and migrates (or checks) the schema.
     *
     * @throws InputException if neither or both of dataSource and jdbcUrl are set, or the schema option is
     *     used on a database other than PostgreSQL
     * @throws StorageException if the database cannot be reached or the schema is not migrated
     */
    public JdbcCatalogStore build() {
      if ((dataSource == null) == (jdbcUrl == null)) {
        throw new InputException("Set exactly one of dataSource(...) and jdbcUrl(...) on JdbcCatalogStore.builder()");
      }
      if (dataSource != null && (username != null || maximumPoolSize > 0)) {
        throw new InputException("credentials(...) and maximumPoolSize(...) apply to jdbcUrl(...), not to a"
            + " handed-in DataSource");
      }
      return new JdbcCatalogStore(this);
    }
  }

  // ------------------------------------------------------------------ processing loop and stitching (issue 4)

  @Override
  public List<org.catalogengine.spi.storage.ClaimedEntity> claimDue(int limit, String owner,
      java.time.Duration lease) {
    requirePositive(limit, "limit");
    return loadClaimed(tx.write("Claiming due entities",
        t -> org.catalogengine.jdbc.internal.operations.processing.ClaimDue.lease(t, limit, owner, lease.toMillis())));
  }

  /** The rows of leased entities, read after the lease committed, outside the write path. */
  private List<org.catalogengine.spi.storage.ClaimedEntity> loadClaimed(List<String> sortedIds) {
    if (sortedIds.isEmpty()) {
      return List.of();
    }
    return tx.read("Reading claimed entities",
        t -> org.catalogengine.jdbc.internal.operations.processing.ClaimDue.load(t, sortedIds));
  }

  @Override
  public Map<EntityRef, List<EntityRef>> parentsOf(Collection<EntityRef> refs) {
    if (refs.isEmpty()) {
      return Map.of();
    }
    List<String> keys = refs.stream().map(EntityRef::toString).distinct().sorted().toList();
    return tx.read("Reading parents", t -> {
      Map<EntityRef, List<EntityRef>> out = new HashMap<>();
      org.catalogengine.jdbc.internal.operations.processing.ParentsOf.run(t, keys).forEach((k, v) ->
          out.put(EntityRef.parse(k), v.stream().map(EntityRef::parse).toList()));
      return out;
    });
  }

  @Override
  public void writeProcessingResults(List<org.catalogengine.spi.storage.ProcessingOutcome> outcomes,
      java.time.Duration interval) {
    if (outcomes.isEmpty()) {
      return;
    }
    writeProcessingResultsAndClaim(outcomes, interval, 0, "", java.time.Duration.ZERO);
  }

  @Override
  public List<org.catalogengine.spi.storage.ClaimedEntity> writeProcessingResultsAndClaim(
      List<org.catalogengine.spi.storage.ProcessingOutcome> outcomes, java.time.Duration interval, int nextLimit,
      String owner, java.time.Duration lease) {
    requireNonNegative(nextLimit, "nextLimit");
    if (outcomes.isEmpty()) {
      return nextLimit == 0 ? List.of() : claimDue(nextLimit, owner, lease);
    }
    long millis = interval.toMillis();
    org.catalogengine.jdbc.internal.store.ProcessingWrites.Prepared prepared =
        org.catalogengine.jdbc.internal.store.ProcessingWrites.prepare(outcomes);
    List<String> claimed = tx.write("Writing " + outcomes.size() + " processing results", t -> {
      org.catalogengine.jdbc.internal.store.ProcessingWrites.write(t, prepared, millis, (source, h) -> {
        t.afterCommit(() -> LOG.warn("{} emitted {} with location key {}, but it is already claimed by {};"
                + " the stored entity is kept (conflict recorded, logged once)", source, h.ref(),
            describeKey(h.rejectedKey()), describeKey(h.existingKey())));
        publish(t, source, h);
      });
      // after the results: the entities just written are scheduled, so not due; children this batch wrote are due
      // and can be in the next batch
      return nextLimit == 0 ? List.<String>of()
          : org.catalogengine.jdbc.internal.operations.processing.ClaimDue.lease(t, nextLimit, owner,
              lease.toMillis());
    });
    plannerStatistics.looped(outcomes.size());
    return loadClaimed(claimed);
  }

  @Override
  public void requestStitch(Collection<EntityRef> refs) {
    List<String> sorted = refs.stream().map(EntityRef::toString).distinct().sorted().toList();
    if (sorted.isEmpty()) {
      return;
    }
    tx.write("Requesting stitches", t -> {
      org.catalogengine.jdbc.internal.operations.processing.RequestStitch.run(t, sorted);
      return null;
    });
  }

  @Override
  public List<org.catalogengine.spi.storage.StitchTicket> claimStitches(int limit, java.time.Duration lease,
      boolean peersWaitForProcessing) {
    requirePositive(limit, "limit");
    return tx.write("Claiming stitch requests", t -> org.catalogengine.jdbc.internal.operations.stitching
        .ClaimStitches.run(t, limit, lease.toMillis(), peersWaitForProcessing));
  }

  @Override
  public List<org.catalogengine.spi.storage.StitchSource> loadStitchInputs(Collection<EntityRef> refs) {
    List<String> sorted = refs.stream().map(EntityRef::toString).distinct().sorted().toList();
    if (sorted.isEmpty()) {
      return List.of();
    }
    return tx.read("Loading stitch inputs",
        t -> org.catalogengine.jdbc.internal.operations.stitching.LoadStitchInputs.run(t, sorted));
  }

  @Override
  public List<org.catalogengine.spi.storage.StitchCommit> writeStitched(
      List<org.catalogengine.spi.storage.StitchOutcome> outcomes) {
    if (outcomes.isEmpty()) {
      return List.of();
    }
    return writeStitchedAndClaim(outcomes, 0, java.time.Duration.ZERO, true).commits();
  }

  @Override
  public org.catalogengine.spi.storage.StitchWrite writeStitchedAndClaim(
      List<org.catalogengine.spi.storage.StitchOutcome> outcomes, int nextLimit, java.time.Duration lease,
      boolean peersWaitForProcessing) {
    requireNonNegative(nextLimit, "nextLimit");
    if (outcomes.isEmpty()) {
      return new org.catalogengine.spi.storage.StitchWrite(List.of(),
          nextLimit == 0 ? List.of() : claimStitches(nextLimit, lease, peersWaitForProcessing));
    }
    org.catalogengine.jdbc.internal.operations.stitching.WriteStitched.Prepared prepared =
        org.catalogengine.jdbc.internal.operations.stitching.WriteStitched.prepare(outcomes);
    org.catalogengine.spi.storage.StitchWrite written = tx.write("Writing " + outcomes.size()
        + " stitched entities", t -> new org.catalogengine.spi.storage.StitchWrite(
            org.catalogengine.jdbc.internal.operations.stitching.WriteStitched.run(t, prepared),
            // after the write: its settled requests are gone, requests that fenced it off are due again
            nextLimit == 0 ? List.of()
                : org.catalogengine.jdbc.internal.operations.stitching.ClaimStitches.run(t, nextLimit,
                    lease.toMillis(), peersWaitForProcessing)));
    plannerStatistics.looped(written.commits().size());
    return written;
  }

  @Override
  public Optional<Entity> finalEntity(EntityRef ref) {
    return tx.read("Reading the final entity " + ref,
        t -> org.catalogengine.jdbc.internal.operations.stitching.ReadFinals.byRef(t, ref));
  }

  @Override
  public List<Entity> finalEntities(@Nullable EntityRef after, int limit) {
    requirePositive(limit, "limit");
    return tx.read("Reading final entities",
        t -> org.catalogengine.jdbc.internal.operations.stitching.ReadFinals.page(t, after, limit));
  }

  @Override
  public List<Entity> queryEntities(EntityFilter filter, @Nullable EntityRef after, int limit) {
    Objects.requireNonNull(filter, "filter");
    requirePositive(limit, "limit");
    return tx.read("Querying final entities", t -> QueryEntities.run(t, filter, after, limit));
  }

  @Override
  public org.catalogengine.spi.storage.WorkStatus workStatus() {
    return tx.read("Counting outstanding work", org.catalogengine.jdbc.internal.operations.processing.CountWork::run);
  }

  @Override
  public boolean idle() {
    return tx.read("Checking for outstanding work", org.catalogengine.jdbc.internal.operations.processing.CountWork::idle);
  }

  @Override
  public List<org.catalogengine.spi.storage.StitchCommit> deleteOrphans(int limit) {
    requirePositive(limit, "limit");
    return tx.write("Deleting orphans",
        t -> org.catalogengine.jdbc.internal.operations.processing.DeleteOrphans.run(t, limit));
  }

  private static void requireNonNegative(int value, String what) {
    if (value < 0) {
      throw new InputException(what + " must not be negative, got " + value);
    }
  }

  private static void requirePositive(int value, String what) {
    if (value < 1) {
      throw new InputException(what + " must be at least 1, got " + value);
    }
  }

  @Override
  public int refreshAll() {
    return tx.write("Making every entity due", t -> t.dsl().update(t.t().processingQueue)
        .set(org.catalogengine.jdbc.internal.schema.Tables.NEXT_UPDATE_AT, t.now())
        .execute());
  }

  /** DESIGN decision 6: the winner shows its conflicts, so a new or cleared conflict restitches it. */
  private static void restitchContested(Tx t, List<RecordConflicts.Hit> newlySeen, Collection<String> cleared) {
    if (newlySeen.isEmpty() && cleared.isEmpty()) {
      return;
    }
    java.util.TreeSet<String> refs = new java.util.TreeSet<>(cleared);
    newlySeen.forEach(h -> refs.add(h.ref()));
    org.catalogengine.jdbc.internal.operations.processing.RequestStitch.run(t, List.copyOf(refs));
  }

  @Override
  public org.catalogengine.spi.storage.QueueStatistics queueStatistics(java.time.Instant now) {
    Objects.requireNonNull(now, "now");
    return tx.read("Counting the queues",
        t -> org.catalogengine.jdbc.internal.operations.processing.CountQueues.run(t, now));
  }

  @Override
  public Optional<org.catalogengine.spi.storage.StitchCommit> deleteEntityByUid(String uid) {
    return tx.write("Deleting the entity with uid " + uid,
        t -> org.catalogengine.jdbc.internal.operations.processing.DeleteEntityByUid.run(t, uid));
  }
}
