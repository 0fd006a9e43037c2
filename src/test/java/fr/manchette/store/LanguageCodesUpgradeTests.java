package fr.manchette.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store whose items kept the three-letter language codes their feeds declared, upgraded: each item has the code
 * that items get now, so that {@code lang=fr} finds them all.
 */
class LanguageCodesUpgradeTests {

	private static final Instant T0 = Instant.parse("2025-05-16T10:00:00Z");

	/** A new empty store, as a JDBC URL. */
	protected String newStore() {
		return NewStores.h2("language-codes-upgrade");
	}

	@Test
	void threeLetterCodesWithATwoLetterOneTakeItAndTheOthersStay() {
		DataSource store = new DriverManagerDataSource(newStore(), "sa", "");
		KeyHashesUpgradeTests.migrate(store, "46");
		JdbcClient jdbc = JdbcClient.create(store);
		String[] stored = { "fra", "fre", "ara", "kab", "fr", "en", null };
		for (int i = 0; i < stored.length; i++) {
			insertAsBefore(jdbc, i, stored[i]);
		}

		KeyHashesUpgradeTests.migrate(store, null);

		assertThat(jdbc.sql("SELECT lang FROM item ORDER BY id").query(String.class).list())
			.containsExactlyElementsOf(Arrays.asList("fr", "fr", "ar", "kab", "fr", "en", null));
	}

	private static void insertAsBefore(JdbcClient jdbc, int i, String lang) {
		jdbc.sql("""
				INSERT INTO item (source_id, item_key, story_key, title, summary_html, summary_text, categories,
				                  search_text, published_at, published_known, first_seen_at, updated_at, sort_at,
				                  content_hash, item_hash, story_hash, lang)
				VALUES ('le360', :key, :key, 't', '', '', '', '', :at, TRUE, :at, :at, :at, 'x', :hash, :hash, :lang)""")
			.param("key", "k" + i)
			.param("hash", (long) i)
			.param("at", T0.plusSeconds(60L * i).atOffset(ZoneOffset.UTC))
			.param("lang", lang)
			.update();
	}

}
