package org.catalogengine.jdbc.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock that moves only when told to. */
public final class ManualClock implements InstantSource {
  public static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private volatile Instant now = T0;

  @Override
  public Instant instant() {
    return now;
  }

  public void set(Instant instant) {
    now = instant;
  }

  public Instant advance(Duration d) {
    now = now.plus(d);
    return now;
  }
}
