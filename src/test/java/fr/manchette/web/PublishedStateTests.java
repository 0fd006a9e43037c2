package fr.manchette.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Supplier;

import fr.manchette.config.FeedsFile;
import fr.manchette.store.StoreChanges.Change;
import fr.manchette.support.FeedsFiles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The variants a state keeps by address, and the address last answered found again without the cache. */
class PublishedStateTests {

	private static final Instant NOW = Instant.parse("2026-05-16T10:00:00Z");

	private final FeedsFile config = FeedsFiles.inZone("Africa/Casablanca");

	private final PublishedState state = new PublishedState(new Change(7, NOW.minusSeconds(60), false, "what"),
			this.config, "what", false, Clock.fixed(NOW, ZoneOffset.UTC), 0, (instant) -> true);

	@Test
	void theAddressLastAnsweredIsFoundAgainWithoutLookingInTheCache() {
		CachedVariant atom = this.state.add("atom http://127.0.0.1:8080/feed.atom", variant(null));
		long lookups = this.state.cacheLookups();

		for (int i = 0; i < 5; i++) {
			assertThat(this.state.variant("atom http://127.0.0.1:8080/feed.atom", NOW.toEpochMilli())).isSameAs(atom);
		}

		assertThat(this.state.cacheLookups()).isEqualTo(lookups);
	}

	@Test
	void addressesAskedInTurnEachGetTheirOwnVariant() {
		CachedVariant atom = this.state.add("atom http://127.0.0.1:8080/feed.atom", variant(null));
		CachedVariant rss = this.state.add("rss http://127.0.0.1:8080/feed.rss", variant(null));
		long now = NOW.toEpochMilli();

		for (int i = 0; i < 3; i++) {
			assertThat(this.state.variant("atom http://127.0.0.1:8080/feed.atom", now)).isSameAs(atom);
			assertThat(this.state.variant("rss http://127.0.0.1:8080/feed.rss", now)).isSameAs(rss);
			assertThat(this.state.variant("atom http://127.0.0.1:8080/feed.atom?q=maroc", now)).isNull();
		}
	}

	@Test
	void aVariantPastItsTimeGoesEvenWhenItWasTheLastAnswered() {
		String key = "atom http://127.0.0.1:8080/feed.atom?sort=une";
		this.state.add(key, variant(NOW.plusSeconds(30)));
		assertThat(this.state.variant(key, NOW.toEpochMilli())).isNotNull();

		assertThat(this.state.variant(key, NOW.plusSeconds(30).toEpochMilli())).isNull();
		CachedVariant again = this.state.add(key, variant(NOW.plusSeconds(90)));
		assertThat(this.state.variant(key, NOW.plusSeconds(31).toEpochMilli())).isSameAs(again);
	}

	private static CachedVariant variant(Instant until) {
		Supplier<String> render = () -> "<feed/>";
		return new CachedVariant(new Validators("\"1\"", NOW), "application/atom+xml", render, until);
	}

}
