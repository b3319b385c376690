package org.catalogengine.benchmarks.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.catalogengine.CatalogEngine;
import org.catalogengine.CatalogListener;
import org.catalogengine.EngineMetrics;
import org.catalogengine.benchmarks.generator.CatalogGenerator;
import org.catalogengine.benchmarks.generator.DeltaScenario;
import org.catalogengine.benchmarks.generator.YamlTreeWriter;
import org.catalogengine.jdbc.JdbcCatalogStore;
import org.catalogengine.jdbc.WriteStatistics;
import org.catalogengine.model.CanonicalJson;
import org.catalogengine.model.Entity;
import org.catalogengine.model.EntityRef;
import org.catalogengine.readers.FileUrlReader;
import org.catalogengine.spi.provider.DeferredEntity;
import org.catalogengine.spi.provider.EntityMutation;
import org.catalogengine.spi.provider.EntityProvider;
import org.catalogengine.spi.provider.EntityProviderConnection;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The end-to-end load driver: a fresh database, an engine with its background workers, and the time from the
 * start of a change to idle (everything processed and stitched).
 *
 * <pre>
 * ./mvnw -B -q -pl benchmarks -am package -DskipTests
 * java -Xmx1g -cp benchmarks/target/benchmarks.jar org.catalogengine.benchmarks.load.LoadDriver \
 *     --db sqlite --n 100000 --mode provider --scenario full
 * </pre>
 *
 * <p>Options:
 * <ul>
 *   <li>{@code --db sqlite|postgres|mariadb|JDBC_URL} (default sqlite): see {@link LoadTarget}.</li>
 *   <li>{@code --n N} (default 10000, seed {@code --seed}, default 42) generated entities, or
 *       {@code --input FILE.jsonl}: one entity per line from any source.</li>
 *   <li>{@code --mode provider} (default): a provider applies one full mutation; {@code --mode location}: the
 *       entities are written as a YAML tree (1,000 per file) and registered as one {@code file} location.</li>
 *   <li>{@code --scenario full} (default): the first load into an empty database; {@code repeat}: after the
 *       first load, the same entities again (provider: an identical full mutation; location: every location
 *       re-read); {@code delta}: after the first load, the next set with 1% changed, 1% removed, 1% added;
 *       {@code delta-mutation} (provider mode): after the first load, such a change sent as a delta mutation
 *       (the changed and added entities, the removed refs) instead of the whole next set, so the engine compares
 *       3% of the catalog rather than all of it; {@code all}: these in one database, one line each (location mode:
 *       without {@code delta-mutation}), each delta changing the set the one before left.</li>
 *   <li>{@code --workers N} (default 2): processing workers; {@code --stitch-workers N} (default 2) stitch workers
 *       beside them.</li>
 *   <li>{@code --processing-batch N}, {@code --stitch-batch N}: the engine's batch sizes (defaults as in
 *       {@code CatalogEngine.builder()}).</li>
 *   <li>{@code --warmup N} (default none): before the measured run, an unreported full load of N other generated
 *       entities (seed + 1) into a database of its own, in the same JVM and mode, so that the measured phases run
 *       on compiled code, as in a service that has been up for a while; the JIT compilation of a fresh JVM is
 *       otherwise part of the first phase.</li>
 * </ul>
 *
 * <p>Each measured phase prints one JSON line: n, db, mode, scenario, seconds (from the provider's
 * {@code applyMutation} call, or the re-read of the locations, to idle; the mutation's entities and the changed
 * files are made before the clock starts), {@code mutationSeconds} (until that call returned: the rest is the
 * engine's processing and stitching), for a
 * delta {@code changesVisibleSeconds} (its own changed, added and removed entities all seen in the change events),
 * entities per second (n / seconds), {@code liveHeapMiB} (the largest heap in use right after a collection during
 * the phase), {@code peakHeapMiB} (the most heap in use at once during the phase, garbage not yet collected
 * included: the heap in use as each collection started, and at the phase's end), what the engine did (processing
 * runs, runs that changed something, stitches written, change events), the store's write transactions in the phase
 * ({@code writeTransactions}, {@code writeBusySeconds} summed over them, {@code writerWaitSeconds} queued for
 * SQLite's single writer, {@code writeCpuSeconds} the CPU time of the threads while they wrote; see
 * {@code WriteStatistics}) and the row counts per table afterwards.
 * {@code scripts/perf-table} runs it for several sizes and databases and renders the README's performance table.
 */
public final class LoadDriver {

  private static final String PROVIDER = "generated";
  private static final Duration TIMEOUT = Duration.ofMinutes(30);
  /** Longer than any phase: a phase measures one change, not the periodic refresh. */
  private static final Duration REFRESH_INTERVAL = Duration.ofHours(2);

  private final Map<String, String> opts;
  private final String db;
  private final String mode;
  private final List<String> phases;
  private final long seed;
  private final int workers;
  private final int stitchWorkers;
  private final int processingBatch;
  private final int stitchBatch;
  /** Entities of the unreported warm-up load, or 0. */
  private final int warmup;
  /** Delta phases prepared so far in this run: the next one changes the set they left. */
  private int deltasApplied;

  /** Checks every option before any work starts. */
  private LoadDriver(Map<String, String> opts) {
    this.opts = opts;
    this.db = opts.getOrDefault("db", "sqlite");
    LoadTarget.check(db);
    this.mode = opts.getOrDefault("mode", "provider");
    if (!mode.equals("provider") && !mode.equals("location")) {
      throw new IllegalArgumentException("--mode must be provider or location, not '" + mode + "'");
    }
    String scenario = opts.getOrDefault("scenario", "full");
    this.phases = switch (scenario) {
      case "full" -> List.of("full");
      case "repeat" -> List.of("repeat");
      case "delta" -> List.of("delta");
      case "delta-mutation" -> List.of("delta-mutation");
      case "all" -> mode.equals("provider") ? List.of("full", "repeat", "delta", "delta-mutation")
          : List.of("full", "repeat", "delta");
      default -> throw new IllegalArgumentException(
          "--scenario must be full, repeat, delta, delta-mutation or all, not '" + scenario + "'");
    };
    if (scenario.equals("delta-mutation") && !mode.equals("provider")) {
      throw new IllegalArgumentException("--scenario delta-mutation needs --mode provider: a location is re-read whole");
    }
    try {
      this.seed = Long.parseLong(opts.getOrDefault("seed", "42"));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--seed must be a whole number, not '" + opts.get("seed") + "'");
    }
    this.workers = positive("workers", 2);
    this.stitchWorkers = positive("stitch-workers", 2);
    this.processingBatch = positive("processing-batch", 1000);
    this.stitchBatch = positive("stitch-batch", 2000);
    this.warmup = positive("warmup", 0);
    if (opts.containsKey("warmup") && warmup < CatalogGenerator.MIN_ENTITIES) {
      throw new IllegalArgumentException("--warmup must be at least " + CatalogGenerator.MIN_ENTITIES + ", not "
          + warmup);
    }
    if (!opts.containsKey("input")) {
      int n = positive("n", 10_000);
      if (n < CatalogGenerator.MIN_ENTITIES) {
        throw new IllegalArgumentException("--n must be at least " + CatalogGenerator.MIN_ENTITIES + ", not " + n);
      }
    }
  }

  /** Prints one JSON line per measured phase as soon as it is measured; exits with 2 on a bad option. */
  public static void main(String[] args) throws Exception {
    // jOOQ's start-up banner and tips would sit between the JSON lines
    System.setProperty("org.jooq.no-logo", System.getProperty("org.jooq.no-logo", "true"));
    System.setProperty("org.jooq.no-tips", System.getProperty("org.jooq.no-tips", "true"));
    try {
      run(line -> System.out.println(CanonicalJson.MAPPER.writeValueAsString(line)), args);
    } catch (IllegalArgumentException e) {
      System.err.println("load driver: " + e.getMessage());
      System.err.println("usage: LoadDriver [--db sqlite|postgres|mariadb|JDBC_URL] [--n N | --input FILE.jsonl]"
          + " [--seed S] [--mode provider|location] [--scenario full|repeat|delta|delta-mutation|all] [--workers N]"
          + " [--stitch-workers N]"
          + " [--processing-batch N] [--stitch-batch N] [--warmup N]");
      System.exit(2);
    }
  }

  /**
   * Runs the driver with command-line options and returns the lines {@link #main} prints, one per measured phase.
   *
   * @throws IllegalArgumentException naming the option, when an option is unknown, missing its value or invalid
   */
  static List<ObjectNode> run(String... args) throws Exception {
    List<ObjectNode> lines = new ArrayList<>();
    run(lines::add, args);
    return lines;
  }

  /** As {@link #run(String...)}, handing each line to {@code sink} when its phase is measured. */
  static void run(Consumer<ObjectNode> sink, String... args) throws Exception {
    new LoadDriver(parse(args)).run(sink);
  }

  private void run(Consumer<ObjectNode> sink) throws Exception {
    if (warmup > 0) {
      Map<String, String> warm = new LinkedHashMap<>(opts);
      warm.remove("warmup");
      warm.remove("input");
      warm.put("n", String.valueOf(warmup));
      warm.put("seed", String.valueOf(seed + 1));
      warm.put("scenario", "full");
      new LoadDriver(warm).run(line -> { });
    }
    LoadTarget target = LoadTarget.open(db);
    Path tree = Files.createTempDirectory("catalog-load-tree");
    Counting listener = new Counting();
    AtomicReference<EntityProviderConnection> connection = new AtomicReference<>();
    try (JdbcCatalogStore store = target.builder().build()) {
      int n = firstInput(tree);
      CatalogEngine.Builder builder = CatalogEngine.builder()
          .store(store)
          .allowAllKinds()
          .processingWorkers(workers)
          .stitchWorkers(stitchWorkers)
          .processingBatchSize(processingBatch)
          .stitchBatchSize(stitchBatch)
          // a phase measures one change to idle; the periodic refresh of every entity (100 s by default) would
          // start a second round of processing in a slow phase and keep it from ever being idle
          .processingInterval(REFRESH_INTERVAL)
          .listener(listener);
      if (mode.equals("provider")) {
        builder.provider(new EntityProvider() {
          @Override
          public String name() {
            return PROVIDER;
          }

          @Override
          public void connect(EntityProviderConnection c) {
            connection.set(c);
          }
        });
      } else {
        builder.readers(FileUrlReader.builder().allowedRoots(tree).build())
            .configLocation("file", tree.resolve(YamlTreeWriter.ROOT_FILE).toString());
      }
      try (CatalogEngine engine = builder.build()) {
        boolean loaded = false;
        for (String phase : phases) {
          if (!phase.equals("full") && !loaded) {
            // repeat and delta start from a loaded catalog; this first load is not reported
            AtomicReference<EntityMutation> firstLoad = prepare(tree, "full", true, listener);
            measure(engine, store, n, "full", listener, () -> change(engine, store, connection,
                firstLoad.getAndSet(null), true));
            loaded = true;
          }
          boolean first = !loaded;
          AtomicReference<EntityMutation> mutation = prepare(tree, phase, first, listener);
          ObjectNode line = measure(engine, store, n, phase, listener,
              () -> change(engine, store, connection, mutation.getAndSet(null), first));
          loaded = true;
          sink.accept(line);
        }
      }
    } finally {
      target.drop();
      LoadTarget.deleteTree(tree);
    }
  }

  /**
   * The entities of the first load, generated or read: made again for every phase rather than kept, so that the
   * driver's heap holds what a provider would (its mutation, until the engine has taken it) and not a second copy
   * of the whole catalog for later phases. In location mode the first load's files are written here.
   *
   * @return how many entities the first load has
   */
  private int firstInput(Path tree) throws IOException {
    if (mode.equals("provider") && !opts.containsKey("input")) {
      // the generator makes exactly n; the first phase's prepare makes them, no need to make them twice
      return positive("n", 10_000);
    }
    List<ObjectNode> base = input();
    if (mode.equals("location")) {
      writeTree(tree, base);
    }
    return base.size();
  }

  private List<ObjectNode> input() throws IOException {
    return opts.containsKey("input")
        ? readJsonLines(Path.of(opts.get("input")))
        : CatalogGenerator.generate(positive("n", 10_000), seed);
  }

  /**
   * Gets a phase's change ready before the clock starts, as a provider or an editor would have it: the provider's
   * mutation (its entities built), or in location mode the changed files written (the first load's tree exists
   * already). A delta's changes are handed to the listener to watch for.
   *
   * @return the provider mutation, taken (and so released) by the change; empty in location mode
   */
  private AtomicReference<EntityMutation> prepare(Path tree, String phase, boolean first, Counting listener)
      throws IOException {
    List<ObjectNode> set = input();
    boolean deltaMutation = phase.equals("delta-mutation");
    if (phase.equals("delta") || deltaMutation) {
      // each delta changes the set the deltas before it left (all deterministic, so made again here, not kept)
      for (int i = 1; i <= deltasApplied; i++) {
        set = CatalogGenerator.next(set, seed + i, 0.01, 0.01, 0.01).entities();
      }
      deltasApplied++;
      DeltaScenario next = CatalogGenerator.next(set, seed + deltasApplied, 0.01, 0.01, 0.01);
      listener.watch(next);
      if (deltaMutation) {
        return new AtomicReference<>(deltaMutation(next));
      }
      set = next.entities();
    }
    if (mode.equals("provider")) {
      return new AtomicReference<>(EntityMutation.full(toDeferred(set)));
    }
    if (!first) {
      writeTree(tree, set);
    }
    return new AtomicReference<>();
  }

  /** Starts one change: the first load starts the engine; later ones mutate or re-read. */
  private void change(CatalogEngine engine, JdbcCatalogStore store, AtomicReference<EntityProviderConnection> c,
      @Nullable EntityMutation mutation, boolean first) {
    if (first) {
      engine.start();
    }
    if (mutation != null) {
      c.get().applyMutation(mutation);
    } else if (!first) {
      store.refreshAll();
    }
  }

  /**
   * The largest heap in use after a collection during the phase; a phase short enough to need no collection at
   * all (a small repeat) gets the heap in use after one forced at its end, which is what it kept alive.
   */
  private static long liveHeap(HeapWatch.Phase heap) {
    long live = heap.live();
    if (live == 0) {
      System.gc();
      live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
    return live;
  }

  private ObjectNode measure(CatalogEngine engine, JdbcCatalogStore store, int n, String phase,
      Counting listener, Runnable change) {
    System.gc();
    heapWatch.reset();
    EngineMetrics before = engine.metrics();
    WriteStatistics writesBefore = store.writeStatistics();
    long eventsBefore = listener.events.get();
    long start = System.nanoTime();
    change.run();
    long changed = System.nanoTime();
    if (!engine.awaitIdle(TIMEOUT)) {
      throw new IllegalStateException("not idle after " + TIMEOUT + " in phase " + phase);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    HeapWatch.Phase heap = heapWatch.end();
    EngineMetrics after = engine.metrics();
    WriteStatistics writes = store.writeStatistics().minus(writesBefore);
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("n", n);
    line.put("db", db);
    line.put("mode", mode);
    line.put("scenario", phase);
    if (warmup > 0) {
      line.put("warmup", warmup);
    }
    line.put("seconds", millisecondsRounded(seconds));
    line.put("mutationSeconds", millisecondsRounded((changed - start) / 1e9));
    line.put("entitiesPerSecond", Math.round(n / seconds));
    line.put("peakHeapMiB", heap.peak() / (1024 * 1024));
    line.put("liveHeapMiB", liveHeap(heap) / (1024 * 1024));
    line.put("processed", after.entitiesProcessed() - before.entitiesProcessed());
    line.put("processedChanged", after.processingChanged() - before.processingChanged());
    line.put("processingFailures", after.processingFailures() - before.processingFailures());
    line.put("stitchesWritten", after.stitchesWritten() - before.stitchesWritten());
    line.put("changeEvents", listener.events.get() - eventsBefore);
    long visibleAt = listener.watchedVisibleAt();
    if (visibleAt != 0) {
      // the delta's own changes (changed, added, removed entities) all visible in final entities, before the
      // restitches of their relation peers finished
      line.put("changesVisibleSeconds", millisecondsRounded((visibleAt - start) / 1e9));
    }
    line.put("writeTransactions", writes.transactions());
    line.put("writeBusySeconds", millisecondsRounded(writes.busy().toNanos() / 1e9));
    line.put("writerWaitSeconds", millisecondsRounded(writes.waitedForWriter().toNanos() / 1e9));
    line.put("writeCpuSeconds", millisecondsRounded(writes.onCpu().toNanos() / 1e9));
    line.put("rows", store.statistics());
    return CanonicalJson.MAPPER.valueToTree(line);
  }

  /** Seconds rounded to whole milliseconds, as the JSON line prints them. */
  private static double millisecondsRounded(double seconds) {
    return Math.round(seconds * 1000) / 1000.0;
  }

  private static void writeTree(Path dir, List<ObjectNode> set) {
    try (YamlTreeWriter writer = YamlTreeWriter.open(dir)) {
      set.forEach(writer::write);
    }
  }

  /** A delta's change as a provider that tracks changes sends it: changed and added entities, removed refs. */
  private static EntityMutation deltaMutation(DeltaScenario next) {
    java.util.Set<EntityRef> touched = new java.util.HashSet<>(next.refs().changed());
    touched.addAll(next.refs().added());
    List<ObjectNode> upserts = new ArrayList<>();
    for (ObjectNode node : next.entities()) {
      if (touched.contains(Entity.of(node).ref())) {
        upserts.add(node);
      }
    }
    return EntityMutation.delta(toDeferred(upserts),
        next.refs().removed().stream().map(org.catalogengine.spi.provider.RemovedEntity::of).toList());
  }

  private static List<DeferredEntity> toDeferred(List<ObjectNode> nodes) {
    List<DeferredEntity> out = new ArrayList<>(nodes.size());
    for (ObjectNode node : nodes) {
      Entity e = Entity.of(node);
      out.add(DeferredEntity.of(e, e.annotation(CatalogGenerator.LOCATION_ANNOTATION).orElse(null)));
    }
    return out;
  }

  private static List<ObjectNode> readJsonLines(Path file) throws IOException {
    List<ObjectNode> out = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      int lineNo = 0;
      for (String line; (line = in.readLine()) != null; ) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode node;
        try {
          node = CanonicalJson.MAPPER.readTree(line);
        } catch (RuntimeException e) {
          throw new IllegalArgumentException(file + ":" + lineNo + ": not JSON: " + e.getMessage());
        }
        if (!(node instanceof ObjectNode o)) {
          throw new IllegalArgumentException(file + ":" + lineNo + ": not a JSON object");
        }
        out.add(o);
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException(file + ": no entities");
    }
    return out;
  }

  private int positive(String name, int defaultValue) {
    return positive(opts, name, defaultValue);
  }

  /** The positive whole number given as {@code --name}, or {@code defaultValue}; anything else is an error. */
  static int positive(Map<String, String> opts, String name, int defaultValue) {
    String text = opts.get(name);
    if (text == null) {
      return defaultValue;
    }
    try {
      int value = Integer.parseInt(text);
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("--" + name + " must be a positive whole number, not '" + text + "'");
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> opts = options(args, List.of("db", "n", "input", "seed", "mode", "scenario", "workers",
        "stitch-workers", "processing-batch", "stitch-batch", "warmup"));
    if (opts.containsKey("n") && opts.containsKey("input")) {
      throw new IllegalArgumentException("give --n or --input, not both");
    }
    return opts;
  }

  /** {@code --name value} pairs, each name one of {@code known}. */
  static Map<String, String> options(String[] args, List<String> known) {
    Map<String, String> opts = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String name = args[i].startsWith("--") ? args[i].substring(2) : "";
      if (!known.contains(name) || i + 1 >= args.length) {
        throw new IllegalArgumentException("unknown option or missing value: " + args[i]);
      }
      opts.put(name, args[++i]);
    }
    return opts;
  }

  private final HeapWatch heapWatch = new HeapWatch();

  /**
   * The heap at each garbage collection, from the collectors' notifications. In use after a collection is what the
   * run really kept alive (the engine's and this driver's own copy of the entities). In use as a collection starts
   * is the heap at its fullest since the one before, since between collections the heap only fills; the largest of
   * those, and the heap in use at the end of the phase, is the phase's peak. That is the heap the run needed at
   * once; the sum of the pools' own peaks, which peak at different times, overstated it (1,100 MiB under -Xmx1g in a
   * 100,000-entity SQLite load whose heap in use peaked at about 700 MiB).
   * On Java 17, G1's remark and cleanup pauses send no notification; what they free is whole old regions, which
   * the next young collection's start then counts as still in use or not, so the peak is at most that late.
   */
  private static final class HeapWatch implements javax.management.NotificationListener {
    private final AtomicLong live = new AtomicLong();
    private final AtomicLong inUse = new AtomicLong();
    /** Collections notified so far; notifications arrive on a thread of their own, after the collection. */
    private final AtomicLong notified = new AtomicLong();
    private final long countedBefore;

    HeapWatch() {
      countedBefore = collections();
      for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        if (gc instanceof javax.management.NotificationEmitter emitter) {
          emitter.addNotificationListener(this, null, null);
        }
      }
    }

    private static long collections() {
      long n = 0;
      for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        n += Math.max(gc.getCollectionCount(), 0);
      }
      return n;
    }

    @Override
    public void handleNotification(javax.management.Notification n, Object handback) {
      if (!com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
        return;
      }
      var info = com.sun.management.GarbageCollectionNotificationInfo.from(
          (javax.management.openmbean.CompositeData) n.getUserData());
      inUse.accumulateAndGet(heapUsed(info.getGcInfo().getMemoryUsageBeforeGc()), Math::max);
      live.accumulateAndGet(heapUsed(info.getGcInfo().getMemoryUsageAfterGc()), Math::max);
      notified.incrementAndGet();
    }

    /** Waits (at most a second) until every collection so far has been notified. */
    private void awaitNotifications() {
      long deadline = System.nanoTime() + 1_000_000_000L;
      while (notified.get() < collections() - countedBefore && System.nanoTime() < deadline) {
        try {
          Thread.sleep(1);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }

    private static long heapUsed(Map<String, java.lang.management.MemoryUsage> pools) {
      long used = 0;
      for (var e : pools.entrySet()) {
        if (isHeap(e.getKey())) {
          used += e.getValue().getUsed();
        }
      }
      return used;
    }

    /**
     * The heap pools' names, looked up once: each lookup makes the pools' management beans anew, and a lookup per
     * collection made the measured load pay for compiling that code (C2 took half a second over
     * {@code ObjectName.construct} in a 100,000-entity load).
     */
    private static final java.util.Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
        .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private static boolean isHeap(String pool) {
      return HEAP_POOLS.contains(pool);
    }

    /** Starts a phase: forgets the collections before it (once they are all notified, the last phase's included). */
    void reset() {
      awaitNotifications();
      live.set(0);
      inUse.set(0);
    }

    /**
     * A phase's heap, from the collections since {@link #reset()}: {@code peak}, the most in use at once (as a
     * collection started, or now); {@code live}, the most in use after a collection (0 if none ran).
     */
    record Phase(long peak, long live) {}

    /** Ends a phase: its heap figures. */
    Phase end() {
      awaitNotifications();
      // live first: a collection notified in between has its start counted by then (inUse is updated first)
      long l = live.get();
      long p = Math.max(inUse.get(), ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
      return new Phase(p, l);
    }
  }

  /**
   * Counts change events and, for a delta, notes when each of its changes is visible: a changed or added entity
   * once an upsert shows the next set's description, tags and spec, a removed one once its removal is announced.
   */
  private static final class Counting implements CatalogListener {
    final AtomicLong events = new AtomicLong();
    private final Map<EntityRef, JsonNode> expected = new java.util.HashMap<>();
    private final java.util.Set<EntityRef> removals = new java.util.HashSet<>();
    private long visibleAt;

    synchronized void watch(DeltaScenario next) {
      expected.clear();
      removals.clear();
      visibleAt = 0;
      Map<EntityRef, ObjectNode> byRef = new java.util.HashMap<>();
      for (ObjectNode node : next.entities()) {
        byRef.put(Entity.of(node).ref(), node);
      }
      for (EntityRef ref : next.refs().changed()) {
        expected.put(ref, fingerprint(byRef.get(ref)));
      }
      for (EntityRef ref : next.refs().added()) {
        expected.put(ref, fingerprint(byRef.get(ref)));
      }
      removals.addAll(next.refs().removed());
    }

    synchronized long watchedVisibleAt() {
      return visibleAt;
    }

    @Override
    public void upserted(Entity entity, long generation) {
      events.incrementAndGet();
      synchronized (this) {
        JsonNode want = expected.get(entity.ref());
        if (want != null && want.equals(fingerprint(entity.toJson()))) {
          expected.remove(entity.ref());
          checkDone();
        }
      }
    }

    @Override
    public void removed(EntityRef ref, long generation) {
      events.incrementAndGet();
      synchronized (this) {
        if (removals.remove(ref)) {
          checkDone();
        }
      }
    }

    private void checkDone() {
      if (expected.isEmpty() && removals.isEmpty() && visibleAt == 0) {
        visibleAt = System.nanoTime();
      }
    }

    private static JsonNode fingerprint(JsonNode entity) {
      ObjectNode f = CanonicalJson.MAPPER.createObjectNode();
      JsonNode metadata = entity.path("metadata");
      for (Map.Entry<String, JsonNode> e : Map.of("description", metadata.path("description"), "tags",
          metadata.path("tags"), "spec", entity.path("spec")).entrySet()) {
        if (!e.getValue().isMissingNode()) {
          f.set(e.getKey(), e.getValue());
        }
      }
      return f;
    }
  }
}
