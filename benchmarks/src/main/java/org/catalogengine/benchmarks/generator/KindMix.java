package org.catalogengine.benchmarks.generator;

/**
 * How many entities of each built-in kind a generated catalog of {@code n} entities holds: 2% Domain, 5% System,
 * 40% Component, 15% API, 8% Resource, 5% Group, the rest User.
 *
 * <p>Counts are apportioned with the largest-remainder method, so each kind is within one entity of its exact share
 * and the counts always add up to the total. Immutable.
 *
 * @param domains number of Domain entities
 * @param systems number of System entities
 * @param components number of Component entities
 * @param apis number of API entities
 * @param resources number of Resource entities
 * @param groups number of Group entities
 * @param users number of User entities
 * @since 0.1 (experimental)
 */
public record KindMix(int domains, int systems, int components, int apis, int resources, int groups, int users) {

  /** The stated shares, in the order of the record components (User is the remainder). */
  static final double[] SHARES = {0.02, 0.05, 0.40, 0.15, 0.08, 0.05, 0.25};

  /**
   * The mix for a total of {@code n} entities.
   *
   * @param n total number of entities, at least 0
   * @return the per-kind counts, summing to {@code n}
   * @throws IllegalArgumentException if {@code n} is negative
   */
  public static KindMix of(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("entity count must be >= 0, got " + n);
    }
    int[] counts = new int[SHARES.length];
    double[] remainders = new double[SHARES.length];
    int assigned = 0;
    for (int k = 0; k < SHARES.length; k++) {
      double exact = n * SHARES[k];
      counts[k] = (int) Math.floor(exact);
      remainders[k] = exact - counts[k];
      assigned += counts[k];
    }
    // Largest remainder; ties go to the earlier kind so the result is deterministic.
    for (int left = n - assigned; left > 0; left--) {
      int best = 0;
      for (int k = 1; k < SHARES.length; k++) {
        if (remainders[k] > remainders[best] + 1e-12) {
          best = k;
        }
      }
      counts[best]++;
      remainders[best] = -1;
    }
    return new KindMix(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6]);
  }

  /** The count for one generated kind. */
  int count(GenKind kind) {
    return switch (kind) {
      case DOMAIN -> domains;
      case SYSTEM -> systems;
      case COMPONENT -> components;
      case API -> apis;
      case RESOURCE -> resources;
      case GROUP -> groups;
      case USER -> users;
    };
  }

  /** The total number of entities. */
  public int total() {
    return domains + systems + components + apis + resources + groups + users;
  }
}
