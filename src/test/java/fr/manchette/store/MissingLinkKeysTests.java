package fr.manchette.store;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import fr.manchette.dedup.Fingerprint;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The link keys of items stored by a version that had none: given once, by the first start after the upgrade that
 * found such items; later starts read one row to know there is nothing to do, not the item table.
 */
class MissingLinkKeysTests {

	private static final Instant T0 = Instant.parse("2025-05-16T10:00:00Z");

	/** A new empty store, as a JDBC URL. */
	protected String newStore() {
		return NewStores.h2("missing-link-keys");
	}

	@Test
	void itemsStoredWithoutALinkKeyGetItAfterTheUpgradeAndOnlyOnce() {
		DataSource store = new DriverManagerDataSource(newStore(), "sa", "");
		KeyHashesUpgradeTests.migrate(store, "42");
		JdbcClient jdbc = JdbcClient.create(store);
		insertWithoutLinkKey(jdbc, "le360", "https://www.a.ma/1", "Le Maroc et la Mauritanie relient leurs réseaux");
		insertWithoutLinkKey(jdbc, "rfi", "https://b.fr/2", "Gaza : au moins 80 morts");
		insertWithoutLinkKey(jdbc, "rfi", "not a link", "Un lien qu'aucune version n'écrit plus");

		KeyHashesUpgradeTests.migrate(store, null);
		try (AnnotationConfigApplicationContext context = KeyHashesUpgradeTests.repositories(store)) {
			MissingLinkKeys linkKeys = context.getBean(MissingLinkKeys.class);

			assertThat(linkKeys.complete()).isEqualTo(2);
			assertThat(linkKeys.complete()).isZero();
			assertThat(jdbc.sql("SELECT link_key FROM item WHERE link = 'https://b.fr/2'").query(String.class).single())
				.isEqualTo(Fingerprint.linkKeyOf(URI.create("https://b.fr/2")));
			assertThat(jdbc.sql("SELECT COUNT(*) FROM pending_backfill").query(Integer.class).single()).isZero();
		}
	}

	@Test
	void aStoreWhoseItemsAllHaveTheirKeysIsNotReadAtStart() {
		DataSource store = new DriverManagerDataSource(newStore(), "sa", "");
		KeyHashesUpgradeTests.migrate(store, null);
		JdbcClient jdbc = JdbcClient.create(store);
		// Written behind the upgrade's back: no version writes an item without its link key any more, so a start does
		// not look for one.
		insertWithoutLinkKey(jdbc, "rfi", "https://b.fr/2", "Gaza : au moins 80 morts");
		try (AnnotationConfigApplicationContext context = KeyHashesUpgradeTests.repositories(store)) {
			assertThat(context.getBean(MissingLinkKeys.class).complete()).isZero();
			assertThat(jdbc.sql("SELECT COUNT(*) FROM item WHERE link_key IS NULL").query(Integer.class).single())
				.isOne();
		}
	}

	private static void insertWithoutLinkKey(JdbcClient jdbc, String source, String link, String title) {
		jdbc.sql("""
				INSERT INTO item (source_id, item_key, story_key, link, title, summary_html, summary_text, categories,
				                  search_text, published_at, published_known, first_seen_at, updated_at, sort_at,
				                  content_hash)
				VALUES (:source, :key, :key, :link, :title, '', '', '', '', :at, TRUE, :at, :at, :at, 'x')""")
			.param("source", source)
			.param("key", Fingerprint.sha256(source + link))
			.param("link", link)
			.param("title", title)
			.param("at", T0.atOffset(ZoneOffset.UTC))
			.update();
	}

}
