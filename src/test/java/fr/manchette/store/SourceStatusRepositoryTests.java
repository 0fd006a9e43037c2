package fr.manchette.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import fr.manchette.store.SourceStatusRepository.FirstPoll;
import fr.manchette.support.StoreTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

@StoreTest
class SourceStatusRepositoryTests {

	private static final Instant T0 = StoreTest.NOW;

	@Autowired
	private SourceStatusRepository statuses;

	@Autowired
	private SourceLeases leases;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ItemPruner pruner;

	/**
	 * The farthest dates feeds.yml's longest durations give, stored and compared on H2 and PostgreSQL alike: a next
	 * attempt an interval of 7 days and its 10 % jitter away, a lease twice a 10-minute timeout long, and the cut-off
	 * of a 36500-day retention. (999 999 999 days ahead, PostgreSQL refuses the date where H2 takes it.)
	 */
	@Test
	void theFarthestDatesOfFeedsYmlFitTheStore() {
		Instant next = T0.plus(Duration.ofDays(7).multipliedBy(11).dividedBy(10));
		SourceStatus status = new SourceStatus("hespress", "https://h.ma/feed", T0, T0, PollOutcome.OK, 0, null, null,
				null, next, null, null, null);

		this.statuses.recordOutcome(status);
		assertThat(this.statuses.find("hespress")).contains(status);
		assertThat(this.leases.claim("hespress", "instance-a", next, next.plus(Duration.ofMinutes(20)))).isTrue();
		assertThat(this.pruner.pruneOlderThan(T0.minus(Duration.ofDays(36_500)))).isZero();
	}

	@Test
	void theDueTimesAheadMoveBackWithTheClockAndTheLatestAttemptIsKnown() {
		assertThat(this.statuses.latestAttempt()).isEmpty();
		this.statuses.recordOutcome(new SourceStatus("hespress", "https://h.ma/feed", T0.minusSeconds(300), T0,
				PollOutcome.OK, 0, null, null, null, T0.plusSeconds(600), null, null, null));
		this.statuses.recordOutcome(new SourceStatus("le360", "https://l.ma/feed", T0.minusSeconds(960), T0,
				PollOutcome.OK, 0, null, null, null, T0.minusSeconds(60), null, null, null));

		assertThat(this.statuses.latestAttempt()).contains(T0.minusSeconds(300));
		assertThat(this.statuses.moveDueTimesBack(T0, Duration.ofHours(1))).isEqualTo(1);

		assertThat(this.statuses.find("hespress").orElseThrow().nextAttemptAt()).isEqualTo(T0.minusSeconds(3000));
		assertThat(this.statuses.find("le360").orElseThrow().nextAttemptAt()).isEqualTo(T0.minusSeconds(60));
	}

	@Test
	void recordOutcomeCreatesThenReplacesTheRow() {
		SourceStatus ok = new SourceStatus("hespress", "https://h.ma/feed", T0, T0, PollOutcome.OK, 0, null, "\"v1\"",
				"Fri, 16 May 2025 10:00:00 GMT", T0.plusSeconds(900), null, null, "feed");
		SourceStatus failed = new SourceStatus("hespress", "https://h.ma/feed", T0.plusSeconds(900), T0,
				PollOutcome.HTTP_STATUS, 1, "HTTP 500", "\"v1\"", "Fri, 16 May 2025 10:00:00 GMT", T0.plusSeconds(1800),
				"https://h.ma/nouveau-flux", Duration.ofHours(1), "html:0123");

		this.statuses.recordOutcome(ok);
		assertThat(this.statuses.find("hespress")).contains(ok);

		this.statuses.recordOutcome(failed);
		assertThat(this.statuses.find("hespress")).contains(failed);
		assertThat(this.statuses.findAll()).containsExactly(failed);
	}

	@Test
	void forgottenValidatorsAreThoseOfTheSourcesNamedOnly() {
		SourceStatus judged = new SourceStatus("hespress", "https://h.ma/feed", T0, T0, PollOutcome.OK, 0, null, "\"v1\"",
				"Fri, 16 May 2025 10:00:00 GMT", T0.plusSeconds(900), "https://h.ma/nouveau-flux", null, "feed");
		SourceStatus other = new SourceStatus("le360", "https://l.ma/feed", T0, T0, PollOutcome.OK, 0, null, "\"v2\"",
				null, T0.plusSeconds(900), null, null, "feed");
		this.statuses.recordOutcome(judged);
		this.statuses.recordOutcome(other);

		this.statuses.forgetValidators(List.of("hespress", "absent"));

		assertThat(this.statuses.find("hespress")).contains(new SourceStatus("hespress", "https://h.ma/feed", T0, T0,
				PollOutcome.OK, 0, null, null, null, T0.plusSeconds(900), "https://h.ma/nouveau-flux", null, "feed"));
		assertThat(this.statuses.find("le360")).contains(other);
	}

	@Test
	void standingsReadEachSourcesStatusCountPaceAndDelaysInOneList() {
		SourceStatus paced = new SourceStatus("hespress", "https://h.ma/feed", T0, T0, PollOutcome.OK, 0, null, null,
				null, T0.plusSeconds(600), null, null, null);
		SourceStatus fresh = new SourceStatus("le360", "https://l.ma/feed", T0, T0, PollOutcome.OK, 0, null, null, null,
				T0.plusSeconds(900), null, null, null);
		PollPace pace = new PollPace("hespress", 4.5, 12.0, Duration.ofMinutes(10), "rate");
		this.statuses.recordOutcome(paced, 7);
		new PollPaceRepository(this.jdbc).record(pace);
		new PublishDelayRepository(this.jdbc).append("hespress", List.of(Duration.ofSeconds(40), Duration.ofSeconds(90)));
		this.statuses.recordOutcome(fresh);

		assertThat(this.statuses.standings()).containsExactly(
				new SourceStanding(paced, 7, pace,
						new RecentDelays("hespress", List.of(Duration.ofSeconds(40), Duration.ofSeconds(90)))),
				new SourceStanding(fresh, 0, null, null));
	}

	@Test
	void aDueSourceIsClaimedByOneInstanceOnly() {
		this.statuses.schedule("hespress", "https://h.ma/feed", T0);
		this.statuses.schedule("le360", "https://l.ma/feed", T0.plusSeconds(60));

		assertThat(this.leases.due(T0, 10)).containsExactly("hespress");
		assertThat(this.leases.claim("hespress", "instance-a", T0, T0.plusSeconds(60))).isTrue();
		assertThat(this.leases.claim("hespress", "instance-b", T0, T0.plusSeconds(60))).isFalse();
		assertThat(this.leases.due(T0.plusSeconds(30), 10)).isEmpty();
		assertThat(this.leases.claim("le360", "instance-b", T0, T0.plusSeconds(60))).isFalse();
	}

	@Test
	void anExpiredLeaseIsTakenOver() {
		this.statuses.schedule("hespress", "https://h.ma/feed", T0);
		this.leases.claim("hespress", "crashed", T0, T0.plusSeconds(60));

		assertThat(this.leases.due(T0.plusSeconds(59), 10)).isEmpty();
		assertThat(this.leases.due(T0.plusSeconds(61), 10)).containsExactly("hespress");
		assertThat(this.leases.claim("hespress", "survivor", T0.plusSeconds(61), T0.plusSeconds(121))).isTrue();
	}

	@Test
	void anOutcomeEndsTheLeaseAndSetsTheNextPoll() {
		this.statuses.schedule("hespress", "https://h.ma/feed", T0);
		this.leases.claim("hespress", "instance-a", T0, T0.plusSeconds(60));
		SourceStatus polled = SourceStatus.unknown("hespress", "https://h.ma/feed")
			.succeeded(T0, null, null, T0.plusSeconds(900), null, null);

		this.statuses.recordOutcome(polled);

		assertThat(this.leases.due(T0.plusSeconds(899), 10)).isEmpty();
		assertThat(this.leases.due(T0.plusSeconds(900), 10)).containsExactly("hespress");
	}

	/**
	 * A poll asked for (an operator's {@code POST /admin/sources/{id}/poll}, a hub's denial) while the source is being
	 * polled comes after that poll, not at the next poll it sets: that one may have fetched the feed before the fix.
	 */
	@Test
	void aPollAskedForWhileOneRunsComesAfterItAndOnlyThen() {
		this.statuses.schedule("hespress", "https://h.ma/feed", T0);
		this.statuses.schedule("le360", "https://l.ma/feed", T0);
		this.leases.claim(List.of("hespress", "le360"), "instance-a", T0, T0.plusSeconds(60));
		this.statuses.pollBy("hespress", T0.plusSeconds(5));

		this.statuses.recordOutcome(SourceStatus.unknown("hespress", "https://h.ma/feed")
			.succeeded(T0, null, null, T0.plusSeconds(900), null, null));
		this.statuses.recordOutcome(SourceStatus.unknown("le360", "https://l.ma/feed")
			.succeeded(T0, null, null, T0.plusSeconds(900), null, null));

		assertThat(this.statuses.find("hespress").orElseThrow().nextAttemptAt()).isEqualTo(T0.plusSeconds(5));
		assertThat(this.statuses.find("le360").orElseThrow().nextAttemptAt()).isEqualTo(T0.plusSeconds(900));
		// Polled again as asked, the next one is the poll's own.
		this.leases.claim(List.of("hespress"), "instance-a", T0.plusSeconds(5), T0.plusSeconds(65));
		this.statuses.recordOutcome(SourceStatus.unknown("hespress", "https://h.ma/feed")
			.succeeded(T0.plusSeconds(5), null, null, T0.plusSeconds(905), null, null));
		assertThat(this.statuses.find("hespress").orElseThrow().nextAttemptAt()).isEqualTo(T0.plusSeconds(905));
	}

	/**
	 * A source given another url, or read another way (another type, other selectors), is polled the new way at once:
	 * out of a backoff the old way earned, and, while a poll the old way runs, as soon as it ends rather than an
	 * interval after it. A reading not known yet (a row from before it was kept) is no change.
	 */
	@Test
	void aSourceEditedInItsBackoffOrWhileItIsPolledIsPolledTheNewWayAtOnce() {
		this.statuses.schedule(List.of(new FirstPoll("hespress", "https://h.ma/feed", "feed", T0),
				new FirstPoll("le360", "https://l.ma/fil", "feed", T0),
				new FirstPoll("snrtnews", "https://s.ma/fil", "html:0123", T0)));
		this.leases.claim(List.of("hespress", "le360"), "instance-a", T0, T0.plusSeconds(60));
		this.statuses.recordOutcome(SourceStatus.unknown("snrtnews", "https://s.ma/fil")
			.forSource("https://s.ma/fil", "html:0123")
			.failed(T0, PollOutcome.PARSE_ERROR, "no item matches", T0.plusSeconds(1_800)));

		this.statuses.schedule(List.of(new FirstPoll("hespress", "https://h.ma/nouveau", "feed", T0.plusSeconds(5)),
				new FirstPoll("le360", "https://l.ma/fil", "html:0123", T0.plusSeconds(5)),
				new FirstPoll("snrtnews", "https://s.ma/fil", "html:4567", T0.plusSeconds(5))));
		for (String polled : List.of("hespress", "le360")) {
			this.statuses.recordOutcome(SourceStatus.unknown(polled, "https://old.ma/")
				.forSource("https://old.ma/", "feed")
				.succeeded(T0, null, null, T0.plusSeconds(900), null, null));
		}

		assertThat(this.statuses.find("hespress").orElseThrow().nextAttemptAt()).isEqualTo(T0.plusSeconds(5));
		assertThat(this.statuses.find("le360").orElseThrow().nextAttemptAt()).isEqualTo(T0.plusSeconds(5));
		assertThat(this.statuses.find("snrtnews").orElseThrow().nextAttemptAt()).isEqualTo(T0.plusSeconds(5));
		// Nothing else moves a timetable: the same reading, or none known.
		this.statuses.recordOutcome(new SourceStatus("snrtnews", "https://s.ma/fil", T0, T0, PollOutcome.OK, 0, null,
				null, null, T0.plusSeconds(900), null, null, null));
		this.statuses.schedule(List.of(new FirstPoll("snrtnews", "https://s.ma/fil", "html:89ab", T0.plusSeconds(10))));
		assertThat(this.statuses.find("snrtnews").orElseThrow().nextAttemptAt()).isEqualTo(T0.plusSeconds(900));
	}

	@Test
	void releaseGivesBackAnInstancesLeases() {
		this.statuses.schedule("hespress", "https://h.ma/feed", T0);
		this.statuses.schedule("le360", "https://l.ma/feed", T0);
		this.leases.claim("hespress", "stopping", T0, T0.plusSeconds(60));
		this.leases.claim("le360", "other", T0, T0.plusSeconds(60));

		assertThat(this.leases.release("stopping")).isEqualTo(1);
		assertThat(this.leases.due(T0.plusSeconds(1), 10)).containsExactly("hespress");
	}

	@Test
	void aStartGivesBackTheLeasesOfEndedRunsButItsOwnOnlyOnAStoreOfItsOwn() {
		this.statuses.schedule("hespress", "https://h.ma/feed", T0);
		this.statuses.schedule("le360", "https://l.ma/feed", T0);
		this.leases.claim("hespress", "killed", T0, T0.plusSeconds(60));
		this.leases.claim("le360", "starting", T0, T0.plusSeconds(60));

		int released = this.leases.releaseLeftBehind("starting");

		if (storeOfItsOwn()) {
			assertThat(released).isEqualTo(1);
			assertThat(this.leases.due(T0.plusSeconds(1), 10)).containsExactly("hespress");
		}
		else {
			assertThat(released).isZero();
			assertThat(this.leases.due(T0.plusSeconds(1), 10)).isEmpty();
		}
	}

	/** Whether no other process can open this class's store: the H2 file, not PostgreSQL. */
	protected boolean storeOfItsOwn() {
		return true;
	}

	@Test
	void schedulingKeepsAKnownSourcesTimetableButRevivesAGoneOneWhoseUrlChanged() {
		this.statuses.schedule("hespress", "https://h.ma/feed", T0);
		this.statuses.schedule("hespress", "https://h.ma/feed", T0.plusSeconds(3600));
		assertThat(this.leases.due(T0, 10)).containsExactly("hespress");

		this.statuses.recordOutcome(SourceStatus.unknown("hespress", "https://h.ma/feed")
			.failed(T0, PollOutcome.GONE, "HTTP 410 Gone", null));
		this.statuses.schedule("hespress", "https://h.ma/feed", T0);
		assertThat(this.leases.due(T0.plusSeconds(60), 10)).isEmpty();

		this.statuses.schedule("hespress", "https://h.ma/nouveau", T0.plusSeconds(30));
		assertThat(this.leases.due(T0.plusSeconds(60), 10)).containsExactly("hespress");
	}

	@Test
	void aSourceTakenOutOfFeedsYmlLeavesTheTimetableUntilItIsPutBack() {
		this.statuses.schedule("hespress", "https://h.ma/feed", T0);
		this.statuses.schedule("le360", "https://l.ma/feed", T0);

		this.statuses.unschedule(Set.of("hespress"));
		assertThat(this.leases.due(T0.plusSeconds(60), 10)).containsExactly("hespress");
		assertThat(this.statuses.find("le360")).isPresent();

		this.statuses.schedule("le360", "https://l.ma/feed", T0.plusSeconds(30));
		assertThat(this.leases.due(T0.plusSeconds(60), 10)).containsExactlyInAnyOrder("hespress", "le360");

		this.statuses.unschedule(Set.of());
		assertThat(this.leases.due(T0.plusSeconds(60), 10)).isEmpty();
	}

	@Test
	void aWholeFeedsFileIsScheduledAndUnscheduledAtOnceWhateverItsLength() {
		List<FirstPoll> all = new ArrayList<>();
		for (int i = 0; i < 1_200; i++) {
			all.add(new FirstPoll("source-" + i, "https://s" + i + ".ma/feed", "feed", T0.plusSeconds(i % 2)));
		}
		this.statuses.schedule(all.subList(0, 700));
		// Known sources keep their timetable, new ones join it: one call, both kinds.
		this.statuses.schedule(all.stream().map((poll) -> new FirstPoll(poll.sourceId(), poll.url(),
				poll.reading(), T0.plusSeconds(3_600))).toList());
		assertThat(this.leases.due(T0.plusSeconds(1), 2_000)).hasSize(700);
		assertThat(this.leases.due(T0.plusSeconds(3_600), 2_000)).hasSize(1_200);

		// More leave than one list of keys holds.
		Set<String> kept = Set.of("source-0", "source-699", "source-1199");
		this.statuses.unschedule(kept);
		assertThat(this.leases.due(T0.plusSeconds(3_600), 2_000)).containsExactlyInAnyOrderElementsOf(kept);
		assertThat(this.statuses.findAll()).hasSize(1_200);

		// Put back: due again, at the time given now.
		this.statuses.schedule(all);
		assertThat(this.leases.due(T0.plusSeconds(1), 2_000)).hasSize(1_199);
	}

	@Test
	void aBatchedClaimTakesTheDueSourcesNoOneHoldsAndReadsWhatTheirPollsStartFrom() {
		this.statuses.schedule("hespress", "https://h.ma/feed", T0);
		this.statuses.schedule("le360", "https://l.ma/feed", T0);
		this.statuses.schedule("medias24", "https://m.ma/feed", T0);
		this.statuses.schedule("later", "https://later.ma/feed", T0.plusSeconds(60));
		this.statuses.recordOutcome(SourceStatus.unknown("le360", "https://l.ma/feed")
			.notModified(T0.minusSeconds(900), T0), new PollPace("le360", 0.5, 3.0, Duration.ofMinutes(15), "rate"));
		assertThat(this.leases.claim("hespress", "instance-a", T0, T0.plusSeconds(60))).isTrue();

		List<PollStart> claimed = this.leases.claim(List.of("hespress", "le360", "later", "medias24"), "instance-b",
				T0, T0.plusSeconds(60));

		assertThat(claimed).extracting((start) -> start.status().sourceId())
			.containsExactlyInAnyOrder("le360", "medias24");
		PollStart le360 = claimed.stream().filter((start) -> start.status().sourceId().equals("le360")).findFirst().orElseThrow();
		assertThat(le360.status().lastOutcome()).isEqualTo(PollOutcome.NOT_MODIFIED);
		assertThat(le360.pace()).isEqualTo(new PollPace("le360", 0.5, 3.0, Duration.ofMinutes(15), "rate"));
		assertThat(claimed).filteredOn((start) -> start.status().sourceId().equals("medias24"))
			.extracting(PollStart::pace)
			.containsOnlyNulls();
		// Another owner's batch finds them all taken; what no claim took stays due, for whoever has room.
		assertThat(this.leases.claim(List.of("hespress", "le360", "medias24"), "instance-c", T0.plusSeconds(1),
				T0.plusSeconds(61))).isEmpty();
		assertThat(this.leases.due(T0.plusSeconds(60), 10)).containsExactly("later");
		assertThat(this.leases.due(T0.plusSeconds(61), 10)).containsExactlyInAnyOrder("hespress", "le360", "medias24",
				"later");
	}

	@Test
	void aRenewedLeaseKeepsItsSourceButOnlyForItsOwner() {
		this.statuses.schedule("hespress", "https://h.ma/feed", T0);
		this.statuses.schedule("le360", "https://l.ma/feed", T0);
		this.leases.claim(List.of("hespress", "le360"), "instance-a", T0, T0.plusSeconds(10));

		assertThat(this.leases.renew(List.of("hespress", "le360"), "instance-b", T0.plusSeconds(20))).isZero();
		assertThat(this.leases.renew(List.of("hespress"), "instance-a", T0.plusSeconds(20))).isEqualTo(1);

		assertThat(this.leases.due(T0.plusSeconds(11), 10)).containsExactly("le360");
		assertThat(this.leases.claim(List.of("hespress", "le360"), "instance-b", T0.plusSeconds(11),
				T0.plusSeconds(21))).extracting((start) -> start.status().sourceId()).containsExactly("le360");
		// A lease taken over is not the old owner's to renew.
		assertThat(this.leases.renew(List.of("le360"), "instance-a", T0.plusSeconds(30))).isZero();
	}

	@Test
	void anOutcomeAndItsPaceAreRecordedTogetherAndReadTogether() {
		this.statuses.schedule("hespress", "https://h.ma/feed", T0);
		SourceStatus notModified = SourceStatus.unknown("hespress", "https://h.ma/feed")
			.notModified(T0, T0.plusSeconds(900));
		PollPace pace = new PollPace("hespress", null, null, Duration.ofMinutes(15), "fixed");

		this.statuses.recordOutcome(notModified, pace);
		// The first time, with no row yet, as well.
		PollPace first = new PollPace("new", null, null, Duration.ofMinutes(15), "fixed");
		this.statuses.recordOutcome(SourceStatus.unknown("new", "https://n.ma/feed").notModified(T0, T0), first);

		assertThat(this.statuses.findStart("hespress")).contains(new PollStart(notModified, pace));
		assertThat(this.statuses.findStart("new").map(PollStart::pace)).contains(first);
		assertThat(this.statuses.findStart("nobody")).isEmpty();
	}

	@Test
	void outcomesRecordedTogetherAreEachRecordedAsAlone() {
		this.statuses.schedule("hespress", "https://h.ma/feed", T0);
		this.statuses.schedule("le360", "https://l.ma/feed", T0);
		this.leases.claim(List.of("hespress", "le360"), "instance-a", T0, T0.plusSeconds(60));
		SourceStatus hespress = SourceStatus.unknown("hespress", "https://h.ma/feed").notModified(T0, T0.plusSeconds(900));
		SourceStatus le360 = SourceStatus.unknown("le360", "https://l.ma/feed").notModified(T0, T0.plusSeconds(600));
		// One with no row yet, as recordOutcome takes it too.
		SourceStatus fresh = SourceStatus.unknown("new", "https://n.ma/feed").notModified(T0, T0.plusSeconds(300));
		PollPace fixed = new PollPace("hespress", null, null, Duration.ofMinutes(15), "fixed");
		PollPace rate = new PollPace("le360", 0.5, 3.0, Duration.ofMinutes(10), "rate");
		PollPace first = new PollPace("new", null, null, Duration.ofMinutes(5), "fixed");

		this.statuses.recordOutcomes(List.of(new SourceStatusRepository.Outcome(hespress, fixed),
				new SourceStatusRepository.Outcome(le360, rate), new SourceStatusRepository.Outcome(fresh, first)));

		assertThat(this.statuses.findStart("hespress")).contains(new PollStart(hespress, fixed));
		assertThat(this.statuses.findStart("le360")).contains(new PollStart(le360, rate));
		assertThat(this.statuses.findStart("new")).contains(new PollStart(fresh, first));
		// The outcomes ended the leases: due again at their next poll, for anyone.
		assertThat(this.leases.due(T0.plusSeconds(601), 10)).containsExactly("new", "le360");
	}

	@Test
	void aClaimOfAnyNumberOfSourcesTakesEachOnce() {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 11; i++) {
			ids.add("s%02d".formatted(i));
			this.statuses.schedule(ids.get(i), "https://s.ma/" + i, T0);
		}
		Instant now = T0;
		for (int size : List.of(1, 3, 5, 2, 11)) {
			// Each claim once the last one's leases have run out.
			now = now.plusSeconds(100);
			List<String> batch = ids.subList(0, size);
			List<String> claimed = this.leases.claim(batch, "owner-" + size, now, now.plusSeconds(60))
				.stream()
				.map((start) -> start.status().sourceId())
				.toList();
			assertThat(claimed).as("claim of %d", size).containsExactlyInAnyOrderElementsOf(batch);
		}
		assertThat(SourceLeases.padded(List.of("a"))).containsExactly("a", "a", "a", "a");
		assertThat(SourceLeases.padded(ids.subList(0, 5))).hasSize(8).endsWith("s04", "s04", "s04", "s04");
		assertThat(SourceLeases.padded(ids.subList(0, 8))).isEqualTo(ids.subList(0, 8));
	}

	/**
	 * Two owners racing with overlapping batches, each claim in its own transaction as the scheduler makes them: no
	 * source is won twice, and every source is won. Outside the test's transaction, so the rows are deleted at the end.
	 */
	@Test
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	void ownersRacingWithOverlappingBatchesNeverWinTheSameSource() throws Exception {
		List<FirstPoll> sources = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			sources.add(new FirstPoll("race-%03d".formatted(i), "https://race.ma/" + i, "feed", T0));
		}
		try {
			this.statuses.schedule(sources);
			List<String> ids = sources.stream().map(FirstPoll::sourceId).toList();
			ExecutorService owners = Executors.newFixedThreadPool(2);
			try {
				List<Future<List<String>>> won = new ArrayList<>();
				// One owner goes up the list, the other down, in batches of 20 that straddle each other's.
				for (String owner : List.of("instance-a", "instance-b")) {
					boolean up = owner.equals("instance-a");
					won.add(owners.submit(() -> {
						List<String> mine = new ArrayList<>();
						for (int i = 0; i <= ids.size() / 20; i++) {
							int from = up ? i * 20 : ids.size() - 10 - i * 20;
							List<String> batch = ids.subList(Math.max(0, from), Math.min(ids.size(), Math.max(0, from + 20)));
							this.leases.claim(batch, owner, T0, T0.plusSeconds(60))
								.forEach((start) -> mine.add(start.status().sourceId()));
						}
						return mine;
					}));
				}
				List<String> all = new ArrayList<>(won.get(0).get());
				all.addAll(won.get(1).get());
				assertThat(all).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids);
			}
			finally {
				owners.shutdownNow();
			}
		}
		finally {
			this.jdbc.sql("DELETE FROM source_status WHERE source_id LIKE 'race-%'").update();
		}
	}

	@Test
	void findOfAnUnknownSourceIsEmpty() {
		assertThat(this.statuses.find("nobody")).isEmpty();
	}

}
