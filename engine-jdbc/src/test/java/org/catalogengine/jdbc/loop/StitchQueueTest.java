package org.catalogengine.jdbc.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.catalogengine.jdbc.loop.LoopEntities.eref;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.catalogengine.jdbc.testing.Backend;
import org.catalogengine.jdbc.testing.StoreTestBase;
import org.catalogengine.model.Entity;
import org.catalogengine.model.EntityRef;
import org.catalogengine.model.Relation;
import org.catalogengine.spi.provider.DeferredEntity;
import org.catalogengine.spi.provider.EntityMutation;
import org.catalogengine.spi.storage.ClaimedEntity;
import org.catalogengine.spi.storage.ProcessingOutcome;
import org.catalogengine.spi.storage.StitchCommit;
import org.catalogengine.spi.storage.StitchOutcome;
import org.catalogengine.spi.storage.StitchTicket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** The deferred stitch queue: coalescing, tickets, leases (spec T5, T7, CS56, CS57). */
@ParameterizedClass(name = "{0}")
@MethodSource("org.catalogengine.jdbc.testing.Backend#all")
class StitchQueueTest extends StoreTestBase {
  private static final EntityRef TEAM_A = eref("group:default/team-a");
  private static final Duration LEASE = Duration.ofSeconds(60);
  private static final Duration INTERVAL = Duration.ofSeconds(100);
  private static final EntityRef GROUP = eref("group:default/g");
  private static final EntityRef COMPONENT = eref("component:default/c");

  @Parameter
  Backend backend;

  @Override
  protected Backend backend() {
    return backend;
  }

  @Test
  void cs56_fiveRequestsBeforeAClaimAreStitchedOnce() {
    for (int i = 0; i < 5; i++) {
      store.requestStitch(List.of(TEAM_A));
    }

    List<StitchTicket> claimed = store.claimStitches(100, LEASE);

    assertThat(claimed).extracting(StitchTicket::ref).containsExactly(TEAM_A);
    assertThat(store.claimStitches(100, LEASE)).as("leased, not due again").isEmpty();
    store.writeStitched(List.of(new StitchOutcome.Settled(claimed.get(0))));
    assertThat(store.workStatus().stitchQueued()).isZero();
  }

  @Test
  void cs57_requestDuringAStitchKeepsTheEntryQueued() {
    store.requestStitch(List.of(TEAM_A));
    StitchTicket first = store.claimStitches(100, LEASE).get(0);

    store.requestStitch(List.of(TEAM_A)); // arrives while the first stitch runs: a new ticket, due now
    List<StitchCommit> commits = store.writeStitched(List.of(new StitchOutcome.Removed(first)));

    assertThat(commits).as("fenced off (T5)").isEmpty();
    assertThat(store.workStatus().stitchQueued()).isEqualTo(1);
    List<StitchTicket> again = store.claimStitches(100, LEASE);
    assertThat(again).extracting(StitchTicket::ref).containsExactly(TEAM_A);
    assertThat(again.get(0).ticket()).isNotEqualTo(first.ticket());
    assertThat(store.writeStitched(List.of(new StitchOutcome.Removed(again.get(0))))).hasSize(1);
    assertThat(store.workStatus().stitchQueued()).isZero();
  }

  @Test
  void t7_expiredLeaseMakesTheRequestClaimableAgainAndFencesTheOldWorker() {
    store.requestStitch(List.of(TEAM_A));
    StitchTicket crashed = store.claimStitches(100, LEASE).get(0);

    clock.advance(LEASE.plusSeconds(1));
    StitchTicket retry = store.claimStitches(100, LEASE).get(0);

    assertThat(store.writeStitched(List.of(new StitchOutcome.Settled(crashed)))).isEmpty();
    assertThat(store.workStatus().stitchQueued()).as("the old worker cannot settle it").isEqualTo(1);
    store.writeStitched(List.of(new StitchOutcome.Settled(retry)));
    assertThat(store.workStatus().stitchQueued()).isZero();
  }

  @Test
  void writeStitched_entityDeletedAfterItsInputsWereLoadedIsSkippedNotAFailure() {
    store.applyMutation("teams", org.catalogengine.spi.provider.EntityMutation.full(List.of(
        org.catalogengine.spi.provider.DeferredEntity.of(LoopEntities.group("team-a"), "url:teams"))));
    store.requestStitch(List.of(TEAM_A));
    StitchTicket ticket = store.claimStitches(100, LEASE).get(0);
    String entityId = store.loadStitchInputs(List.of(TEAM_A)).get(0).entityId();

    // the provider drops the entity while the stitcher works on it
    store.applyMutation("teams", org.catalogengine.spi.provider.EntityMutation.full(List.of()));
    List<StitchCommit> commits = store.writeStitched(List.of(new StitchOutcome.Stitched(ticket, entityId,
        "{\"kind\":\"Group\"}", "h", List.of(new org.catalogengine.spi.storage.SearchEntry("kind", "group",
            "Group")))));

    assertThat(commits).as("nothing to write for a deleted entity").isEmpty();
    assertThat(store.finalEntity(TEAM_A)).isEmpty();
    assertThat(store.statistics().searchRows()).isZero();
  }

  @Test
  void writeStitchedAndClaim_settlesTheBatchAndClaimsTheNextInOneWrite() {
    store.requestStitch(List.of(eref("group:default/a")));
    StitchTicket first = store.claimStitches(1, LEASE).get(0);
    store.requestStitch(List.of(eref("group:default/b"), eref("group:default/c")));

    org.catalogengine.spi.storage.StitchWrite written =
        store.writeStitchedAndClaim(List.of(new StitchOutcome.Removed(first)), 10, LEASE, true);

    assertThat(written.commits()).extracting(StitchCommit::ref).containsExactly(eref("group:default/a"));
    assertThat(written.next()).extracting(StitchTicket::ref)
        .containsExactly(eref("group:default/b"), eref("group:default/c"));
    assertThat(store.claimStitches(10, LEASE)).as("the next batch is leased").isEmpty();
    assertThat(store.workStatus().stitchQueued()).as("a settled, b and c claimed").isEqualTo(2);
    assertThat(store.writeStitched(written.next().stream().<StitchOutcome>map(StitchOutcome.Settled::new).toList()))
        .isEmpty();
    assertThat(store.workStatus().stitchQueued()).isZero();
  }

  @Test
  void writeStitchedAndClaim_aFencedStitchIsClaimedAgainByTheSameWrite() {
    store.requestStitch(List.of(TEAM_A));
    StitchTicket first = store.claimStitches(1, LEASE).get(0);
    store.requestStitch(List.of(TEAM_A)); // arrives while the stitch runs (T5)

    org.catalogengine.spi.storage.StitchWrite written =
        store.writeStitchedAndClaim(List.of(new StitchOutcome.Removed(first)), 10, LEASE, true);

    assertThat(written.commits()).as("fenced off").isEmpty();
    assertThat(written.next()).extracting(StitchTicket::ref).containsExactly(TEAM_A);
    assertThat(written.next().get(0).ticket()).isNotEqualTo(first.ticket());
  }

  @Test
  void writeStitchedAndClaim_withNoNextLimitClaimsNothing() {
    store.requestStitch(List.of(eref("group:default/a"), eref("group:default/b")));
    StitchTicket first = store.claimStitches(1, LEASE).get(0);

    org.catalogengine.spi.storage.StitchWrite written =
        store.writeStitchedAndClaim(List.of(new StitchOutcome.Settled(first)), 0, LEASE, true);

    assertThat(written.next()).isEmpty();
    assertThat(store.claimStitches(10, LEASE)).hasSize(1);
  }

  @Test
  void claimStitches_takesOldestFirstUpToTheLimit() {
    store.requestStitch(List.of(eref("group:default/b")));
    clock.advance(Duration.ofSeconds(1));
    store.requestStitch(List.of(eref("group:default/a")));

    assertThat(store.claimStitches(1, LEASE)).extracting(StitchTicket::ref)
        .containsExactly(eref("group:default/b"));
  }

  /**
   * Processes a group and a component owned by it, without relations yet, settles their stitches, and moves the
   * clock past their next processing (scheduled within [X, 1.5X] of the interval).
   */
  private void groupAndComponentProcessedOnceAndDueAgain() {
    store.applyMutation("p", EntityMutation.full(List.of(DeferredEntity.of(LoopEntities.group("g"), LoopEntities.LOCATION),
        DeferredEntity.of(LoopEntities.component("c", "g"), LoopEntities.LOCATION))));
    List<ProcessingOutcome> first = new ArrayList<>();
    for (ClaimedEntity c : store.claimDue(10, "w", LEASE)) {
      first.add(new ProcessingOutcome.Succeeded(c.entityId(), c.ref(), c.locationKey(), Entity.parse(
          c.unprocessedJson()), List.of(), List.of(), List.of(), "first", null));
    }
    store.writeProcessingResults(first, INTERVAL);
    store.writeStitched(store.claimStitches(10, LEASE).stream().<StitchOutcome>map(StitchOutcome.Settled::new)
        .toList());
    assertThat(store.workStatus().stitchQueued()).isZero();
    clock.advance(INTERVAL.multipliedBy(2));
  }

  /**
   * Runs both again: the component's result is unchanged, the group's now relates it to the component, which makes
   * the component a relation peer of the group's change. ("component:default/c" sorts before "group:default/g", so
   * ref order alone would put the peer first.)
   */
  private void groupProcessedWithARelationToTheComponent() {
    List<ProcessingOutcome> second = new ArrayList<>();
    for (ClaimedEntity c : store.claimDue(10, "w", LEASE)) {
      second.add(c.ref().equals(GROUP)
          ? new ProcessingOutcome.Succeeded(c.entityId(), c.ref(), c.locationKey(), Entity.parse(c.unprocessedJson()),
              List.of(), List.of(new Relation(GROUP, Relation.OWNER_OF, COMPONENT),
                  new Relation(COMPONENT, Relation.OWNED_BY, GROUP)), List.of(), "second", null)
          : new ProcessingOutcome.Unchanged(c.entityId(), c.ref(), true, null));
    }
    assertThat(second).hasSize(2);
    store.writeProcessingResults(second, INTERVAL);
  }

  @Test
  void anEntitysOwnStitchIsClaimedBeforeThoseOfItsRelationPeers() {
    groupAndComponentProcessedOnceAndDueAgain();

    groupProcessedWithARelationToTheComponent();

    // both requests come from the same write and the component's ref sorts first, but it is the peer
    assertThat(store.claimStitches(1, LEASE)).extracting(StitchTicket::ref).containsExactly(GROUP);
    // and a peer's request does not wait for its later due time when nothing else is queued
    assertThat(store.claimStitches(10, LEASE)).extracting(StitchTicket::ref).containsExactly(COMPONENT);
  }

  /**
   * The group's own stitch is claimed, the component's (a relation peer's) stays queued, and then a change arrives
   * from another provider: a new entity due for processing.
   */
  private void aPeersRequestQueuedWhenAChangeArrives() {
    groupAndComponentProcessedOnceAndDueAgain();
    groupProcessedWithARelationToTheComponent();
    assertThat(store.claimStitches(1, LEASE)).extracting(StitchTicket::ref).containsExactly(GROUP);
    store.applyMutation("q", EntityMutation.full(List.of(DeferredEntity.of(LoopEntities.component("new", "g"),
        LoopEntities.LOCATION))));
  }

  @Test
  void aRelationPeersRequestWaitsWhileEntitiesAreDueForProcessing() {
    aPeersRequestQueuedWhenAChangeArrives();

    assertThat(store.claimStitches(10, LEASE)).as("the peer waits while processing has work").isEmpty();

    assertThat(store.claimDue(10, "w", LEASE)).hasSize(1);
    assertThat(store.claimStitches(10, LEASE)).as("nothing due for processing: the peer goes before its due time")
        .extracting(StitchTicket::ref).containsExactly(COMPONENT);
  }

  @Test
  void aRelationPeersRequestIsClaimedWhileProcessingHasWorkWhenTheClaimAsksForNoWait() {
    aPeersRequestQueuedWhenAChangeArrives();

    // a first load (a processing burst) claims peers beside the processing
    assertThat(store.claimStitches(10, LEASE, false)).extracting(StitchTicket::ref).containsExactly(COMPONENT);
  }

  @Test
  void aRelationPeersRequestIsClaimedAtItsDueTimeEvenWhileProcessingHasWork() {
    aPeersRequestQueuedWhenAChangeArrives();

    clock.advance(Duration.ofMillis(org.catalogengine.jdbc.internal.operations.processing.RequestStitch
        .PEER_LEAD_MILLIS));

    assertThat(store.claimStitches(10, LEASE)).extracting(StitchTicket::ref).containsExactly(COMPONENT);
  }

  @Test
  void aPeersRequestDoesNotPutAnEarlierOwnRequestBack() {
    groupAndComponentProcessedOnceAndDueAgain();
    store.requestStitch(List.of(COMPONENT));
    clock.advance(Duration.ofSeconds(1));

    groupProcessedWithARelationToTheComponent();

    assertThat(store.claimStitches(1, LEASE)).extracting(StitchTicket::ref).containsExactly(COMPONENT);
  }

  @Test
  void aStitchFencedByAPeersRequestIsStitchedAgainFirst() {
    groupAndComponentProcessedOnceAndDueAgain();
    store.requestStitch(List.of(COMPONENT));
    StitchTicket underWay = store.claimStitches(10, LEASE).get(0);
    assertThat(underWay.ref()).isEqualTo(COMPONENT);

    // while the component's stitch runs, the group's new relations make it a peer: a request due later
    groupProcessedWithARelationToTheComponent();
    assertThat(store.writeStitched(List.of(new StitchOutcome.Settled(underWay)))).as("fenced (T5)").isEmpty();

    // the fenced stitch was due already: it goes with the group's own request, not after it
    assertThat(store.claimStitches(10, LEASE)).extracting(StitchTicket::ref).containsExactly(COMPONENT, GROUP);
  }

  @Test
  void removals_takeMonotonicGenerations() {
    store.requestStitch(List.of(eref("group:default/a"), eref("group:default/b")));
    List<StitchTicket> claimed = store.claimStitches(100, LEASE);

    List<StitchCommit> commits = store.writeStitched(
        claimed.stream().<StitchOutcome>map(StitchOutcome.Removed::new).toList());

    assertThat(commits).extracting(StitchCommit::generation).isSorted().doesNotHaveDuplicates().hasSize(2);
    assertThat(commits.get(0).generation()).isPositive();
  }
}
