package fr.manchette.store;

import java.time.Instant;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store whose items were folded for searches before the fold read compatibility forms, invisible characters and
 * Arabic as it does now, upgraded: each item's search text is what a new item's would be, and the word index finds it
 * by the words it gained.
 */
class SearchTextUpgradeTests {

	private static final Instant T0 = Instant.parse("2025-05-16T10:00:00Z");

	/** A new empty store, as a JDBC URL. */
	protected String newStore() {
		return NewStores.h2("search-text-upgrade");
	}

	@Test
	void itemsFoldedTheOldWayAreFoldedAgainAndIndexedByTheirNewWords() {
		DataSource store = new DriverManagerDataSource(newStore(), "sa", "");
		KeyHashesUpgradeTests.migrate(store, "47");
		JdbcClient jdbc = JdbcClient.create(store);
		// As the fold before wrote them: the ligature, the soft hyphen's halves, tatweel and Arabic figures kept.
		insertAsBefore(jdbc, 1, "Le ﬁnancement inter\u00ADnational", "", " ﬁnancement inter national ");
		insertAsBefore(jdbc, 2, "المغـــرب في كأس ٢٠٢٦", "", " المغـــرب في كاس ٢٠٢٦ ");
		insertAsBefore(jdbc, 3, "Le Maroc", "au Mondial", " le maroc au mondial ");
		WordIndex index = new WordIndex(jdbc, new TransactionTemplate(new DataSourceTransactionManager(store)));
		assertThat(index.indexNext(100)).isEqualTo(3);
		assertThat(index.items("financement")).isEmpty();

		KeyHashesUpgradeTests.migrate(store, null);

		assertThat(jdbc.sql("SELECT search_text FROM item ORDER BY id").query(String.class).list()).containsExactly(
				" le financement international ", " المغرب في كاس 2026 ", " le maroc au mondial ");
		assertThat(index.items("financement")).containsExactly(1L);
		assertThat(index.items("international")).containsExactly(1L);
		assertThat(index.items("2026")).containsExactly(2L);
		assertThat(index.items("maroc")).containsExactly(3L);
		// The keys of the words gained, « finan » and « 2026 », and no other: the third item folds as it did.
		assertThat(jdbc.sql("SELECT COUNT(*) FROM item_word").query(Integer.class).single()).isEqualTo(2);
	}

	private static void insertAsBefore(JdbcClient jdbc, long id, String title, String summary, String searchText) {
		jdbc.sql("""
				INSERT INTO item (id, source_id, item_key, story_key, title, summary_html, summary_text, categories,
				                  search_text, published_at, published_known, first_seen_at, updated_at, sort_at,
				                  content_hash, item_hash, story_hash, lang)
				VALUES (:id, 'le360', :key, :key, :title, '', :summary, '', :searchText, :at, TRUE, :at, :at, :at, 'x',
				        :id, :id, 'fr')""")
			.param("id", id)
			.param("key", "k" + id)
			.param("title", title)
			.param("summary", summary)
			.param("searchText", searchText)
			.param("at", T0.plusSeconds(60L * id).atOffset(ZoneOffset.UTC))
			.update();
	}

}
