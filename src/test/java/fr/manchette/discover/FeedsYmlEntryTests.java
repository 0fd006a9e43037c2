package fr.manchette.discover;

import java.net.URI;
import java.util.List;
import java.util.Set;

import fr.manchette.config.Source;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FeedsYmlEntryTests {

	@Test
	void derivesTheIdFromTheHost() {
		assertThat(List.of("www.le360.ma", "fr.hespress.com", "site.example", "localhost", "127.0.0.1", "WWW.Le-Monde.FR"))
			.map(FeedsYmlEntry::hostId)
			.containsExactly("le360", "fr-hespress", "site", "localhost", "127-0-0-1", "le-monde");
	}

	@Test
	void everyIdItMakesIsOneFeedsYmlAccepts() {
		assertThat(List.of("www.le360.ma", "-._.example", "xn--mnchen-3ya.de", "a".repeat(80) + ".ma", "_.example"))
			.map(FeedsYmlEntry::hostId)
			.allSatisfy((id) -> assertThat(id).matches(Source.ID));
	}

	@Test
	void givesEachFeedOfASiteItsOwnId() {
		List<FeedsYmlEntry> entries = FeedsYmlEntry.of(List.of(feed("https://www.site.example/rss/une.xml", "À la une"),
				feed("https://www.site.example/rss/sport.xml", "Sport"), feed("https://www.site.example/feed", null),
				feed("https://www.site.example/feed.json", "En JSON")), URI.create("https://www.site.example/"), Set.of());

		assertThat(entries).extracting(FeedsYmlEntry::id)
			.containsExactly("site", "site-sport", "site-feed", "site-feed-2");
		assertThat(entries.get(2).name()).isEqualTo("www.site.example");
	}

	@Test
	void quotesNamesSoThatAnyTitleIsValidYaml() {
		FeedsYmlEntry entry = FeedsYmlEntry.of(List.of(feed("https://site.example/feed", "« Le \"Site\" » : #1 \\ actu")),
				URI.create("https://site.example/"), Set.of()).get(0);

		assertThat(entry.yaml()).isEqualTo("""
				  - id: site
				    name: "« Le \\"Site\\" » : #1 \\\\ actu"
				    url: "https://site.example/feed"
				""");
	}

	private static FoundFeed feed(String url, String title) {
		return new FoundFeed(URI.create(url), "rss_2.0", title, 3, "x");
	}

}
