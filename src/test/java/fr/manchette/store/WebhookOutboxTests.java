package fr.manchette.store;

import java.time.Instant;
import java.util.List;

import fr.manchette.support.StoreTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@StoreTest
class WebhookOutboxTests {

	private static final Instant T0 = StoreTest.NOW;

	/** An instance's name with characters that LIKE would take for wildcards: its claims are still told apart. */
	private static final String STARTING = "host_1/42/50%off";

	@Autowired
	private WebhookOutbox outbox;

	@Test
	void aStartGivesBackTheDeliveriesClaimedByEndedRunsButItsOwnOnlyOnAStoreOfItsOwn() {
		this.outbox.enqueue(List.of(event("hook-a", "story-1"), event("hook-b", "story-2")), T0);
		assertThat(this.outbox.claim(List.of("hook-a"), "host/41/0badc0de#3", T0, T0.plusSeconds(160), 10)).hasSize(1);
		assertThat(this.outbox.claim(List.of("hook-b"), STARTING + "#1", T0, T0.plusSeconds(160), 10)).hasSize(1);

		int released = this.outbox.releaseLeftBehind(STARTING);

		List<OutboxDelivery> claimable = this.outbox.claim(List.of("hook-a", "hook-b"), STARTING + "#2",
				T0.plusSeconds(1), T0.plusSeconds(161), 10);
		if (storeOfItsOwn()) {
			assertThat(released).isEqualTo(1);
			assertThat(claimable).extracting(OutboxDelivery::storyKey).containsExactly("story-1");
		}
		else {
			assertThat(released).isZero();
			assertThat(claimable).isEmpty();
		}
	}

	/** Whether no other process can open this class's store: the H2 file, not PostgreSQL. */
	protected boolean storeOfItsOwn() {
		return true;
	}

	private static OutboxEvent event(String hook, String story) {
		return new OutboxEvent(hook, story, "story.new", "Séisme au large d’Agadir", "https://actu.example/quake.html",
				List.of("alpha"), T0);
	}

}
