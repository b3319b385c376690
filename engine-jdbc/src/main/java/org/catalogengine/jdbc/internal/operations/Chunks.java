package org.catalogengine.jdbc.internal.operations;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.ToLongFunction;

/** Chunking for IN lists and multi-row statements, and fast random ids. */
public final class Chunks {
  /** Refs per IN list: small enough for every dialect's bind limit and for index range scans. */
  public static final int IN_LIST = 500;

  private Chunks() {}

  /** Splits {@code items} into consecutive lists of at most {@code size}. */
  public static <T> List<List<T>> of(List<T> items, int size) {
    if (items.size() <= size) {
      return items.isEmpty() ? List.of() : List.of(items);
    }
    List<List<T>> out = new ArrayList<>((items.size() + size - 1) / size);
    for (int i = 0; i < items.size(); i += size) {
      out.add(items.subList(i, Math.min(items.size(), i + size)));
    }
    return out;
  }

  /** Splits by count and by an estimate of bound bytes, so a statement stays below the packet limit. */
  public static <T> List<List<T>> bySize(List<T> items, int maxRows, long maxBytes, ToLongFunction<T> bytes) {
    List<List<T>> out = new ArrayList<>();
    int start = 0;
    long acc = 0;
    for (int i = 0; i < items.size(); i++) {
      long b = bytes.applyAsLong(items.get(i));
      if (i > start && (i - start >= maxRows || acc + b > maxBytes)) {
        out.add(items.subList(start, i));
        start = i;
        acc = 0;
      }
      acc += b;
    }
    if (start < items.size()) {
      out.add(items.subList(start, items.size()));
    }
    return out;
  }

  /**
   * The items sorted by a string key made once per item: the batch writes sort by canonical ref, the lock order of
   * every writer, and a comparator that builds both refs' strings for each comparison made them again and again
   * inside the write transaction.
   */
  public static <T> List<T> sortedBy(java.util.Collection<T> items, java.util.function.Function<T, String> key) {
    List<java.util.Map.Entry<String, T>> keyed = new ArrayList<>(items.size());
    for (T item : items) {
      keyed.add(java.util.Map.entry(key.apply(item), item));
    }
    keyed.sort(java.util.Map.Entry.comparingByKey());
    List<T> out = new ArrayList<>(keyed.size());
    keyed.forEach(e -> out.add(e.getValue()));
    return out;
  }

  /**
   * A time-ordered (version 7, RFC 9562) UUID string: 48 bits of epoch milliseconds, then random bits. Ids
   * created together sort together, so primary-key inserts append to the end of the B-tree instead of
   * landing on random pages (a large share of a 100,000-entity first load on SQLite). ThreadLocalRandom because
   * ids need uniqueness, not secrecy; like Backstage's uids they are opaque and not stable across re-adds (E4).
   */
  public static String newId() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    long millis = System.currentTimeMillis();
    long msb = (millis << 16) | 0x7000L | (r.nextInt() & 0x0FFFL);
    long lsb = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb).toString();
  }
}
