package fr.manchette.store;

import java.time.Instant;

import fr.manchette.store.WebSubSubscription.State;
import fr.manchette.support.StoreTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link WebSubSubscriptions}: one per source, and every change a compare-and-set; a push recorded on the source. */
@StoreTest
class WebSubSubscriptionsTests {

	private static final Instant T0 = Instant.parse("2026-05-16T10:00:00Z");

	@Autowired
	private WebSubSubscriptions subscriptions;

	@Autowired
	private SourceStatusRepository statuses;

	@Test
	void oneSubscriptionPerSourceTheFirstStands() {
		WebSubSubscription first = subscription("le360", "c".repeat(43));
		assertThat(this.subscriptions.create(first)).isTrue();
		assertThat(this.subscriptions.create(subscription("le360", "d".repeat(43)))).isFalse();
		assertThat(this.subscriptions.find("le360")).contains(first);
		assertThat(this.subscriptions.findByCallback("c".repeat(43))).contains(first);
		assertThat(this.subscriptions.findByCallback("d".repeat(43))).isEmpty();
	}

	@Test
	void aTransitionFromAStaleRevisionChangesNothing() {
		WebSubSubscription created = subscription("le360", "c".repeat(43));
		this.subscriptions.create(created);
		WebSubSubscription pending = created.sent(State.PENDING, T0, T0.plusSeconds(300));
		assertThat(this.subscriptions.transition(pending)).isTrue();
		// Another instance read the row before: its write is refused.
		assertThat(this.subscriptions.transition(created.sent(State.PENDING, T0.plusSeconds(1), T0.plusSeconds(301))))
			.isFalse();
		WebSubSubscription stored = this.subscriptions.find("le360").orElseThrow();
		assertThat(stored).isEqualTo(pending.written());
		assertThat(this.subscriptions.delete(created)).isFalse();
		WebSubSubscription active = stored.verified(T0.plusSeconds(2), T0.plusSeconds(3602), T0.plusSeconds(2882));
		assertThat(this.subscriptions.transition(active)).isTrue();
		assertThat(this.subscriptions.find("le360").orElseThrow().pushing(T0.plusSeconds(3601))).isTrue();
		assertThat(this.subscriptions.find("le360").orElseThrow().pushing(T0.plusSeconds(3602))).isFalse();
		assertThat(this.subscriptions.delete(active.written())).isTrue();
		assertThat(this.subscriptions.find("le360")).isEmpty();
	}

	@Test
	void dueSubscriptionsComeSoonestFirst() {
		this.subscriptions.create(subscription("a", "a".repeat(43)));
		WebSubSubscription later = subscription("b", "b".repeat(43));
		this.subscriptions.create(later);
		this.subscriptions.transition(later.sent(State.PENDING, T0, T0.plusSeconds(60)));
		assertThat(this.subscriptions.due(T0, 10)).extracting(WebSubSubscription::sourceId).containsExactly("a");
		assertThat(this.subscriptions.due(T0.plusSeconds(60), 10)).extracting(WebSubSubscription::sourceId)
			.containsExactly("a", "b");
	}

	@Test
	void aPushIsASuccessThatLeavesThePollsTimetableAndValidatorsAlone() {
		SourceStatus failing = new SourceStatus("le360", "https://l.ma/feed", T0, T0.minusSeconds(3600),
				PollOutcome.HTTP_STATUS, 2, "HTTP 500", "\"v1\"", null, T0.plusSeconds(1800), null, null, null);
		this.statuses.recordOutcome(failing, 3);
		this.statuses.recordDelivery("le360", T0.plusSeconds(10), 2);
		SourceStatus pushed = this.statuses.find("le360").orElseThrow();
		assertThat(pushed.lastSuccessAt()).isEqualTo(T0.plusSeconds(10));
		assertThat(pushed.lastOutcome()).isEqualTo(PollOutcome.OK);
		assertThat(pushed.consecutiveFailures()).isZero();
		assertThat(pushed.lastError()).isNull();
		assertThat(pushed.lastAttemptAt()).isEqualTo(T0);
		assertThat(pushed.etag()).isEqualTo("\"v1\"");
		assertThat(pushed.nextAttemptAt()).isEqualTo(T0.plusSeconds(1800));
		assertThat(this.statuses.itemCounts()).containsEntry("le360", 5L);

		// A hub that stops pushing brings the next poll forward, never back.
		this.statuses.pollBy("le360", T0.plusSeconds(60));
		assertThat(this.statuses.find("le360").orElseThrow().nextAttemptAt()).isEqualTo(T0.plusSeconds(60));
		this.statuses.pollBy("le360", T0.plusSeconds(600));
		assertThat(this.statuses.find("le360").orElseThrow().nextAttemptAt()).isEqualTo(T0.plusSeconds(60));
	}

	private static WebSubSubscription subscription(String source, String callback) {
		return WebSubSubscription.requested(source, callback, "https://hub.example/", "https://l.ma/feed",
				"0123456789abcdef0123456789abcdef", T0);
	}

}
