package fr.manchette.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import fr.manchette.support.StoreTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@StoreTest
class SourceStatusRepositoryTests {

	private static final Instant T0 = StoreTest.NOW;

	@Autowired
	private SourceStatusRepository statuses;

	@Autowired
	private SourceLeases leases;

	@Test
	void recordOutcomeCreatesThenReplacesTheRow() {
		SourceStatus ok = new SourceStatus("hespress", "https://h.ma/feed", T0, T0, PollOutcome.OK, 0, null, "\"v1\"",
				"Fri, 16 May 2025 10:00:00 GMT", T0.plusSeconds(900), null, null);
		SourceStatus failed = new SourceStatus("hespress", "https://h.ma/feed", T0.plusSeconds(900), T0,
				PollOutcome.HTTP_STATUS, 1, "HTTP 500", "\"v1\"", "Fri, 16 May 2025 10:00:00 GMT", T0.plusSeconds(1800),
				"https://h.ma/nouveau-flux", Duration.ofHours(1));

		this.statuses.recordOutcome(ok);
		assertThat(this.statuses.find("hespress")).contains(ok);

		this.statuses.recordOutcome(failed);
		assertThat(this.statuses.find("hespress")).contains(failed);
		assertThat(this.statuses.findAll()).containsExactly(failed);
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
	void findOfAnUnknownSourceIsEmpty() {
		assertThat(this.statuses.find("nobody")).isEmpty();
	}

}
