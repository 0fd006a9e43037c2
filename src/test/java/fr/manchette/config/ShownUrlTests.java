package fr.manchette.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShownUrlTests {

	@Test
	void hidesTheValuesOfCredentialLikeParametersAndKeepsTheRest() {
		assertThat(ShownUrl.of("https://abonnes.example/rss?token=s3cr3t&rubrique=maroc"))
			.isEqualTo("https://abonnes.example/rss?token=***&rubrique=maroc");
		assertThat(ShownUrl.of("https://api.example/v1/news?lang=fr&api_key=k1&apiKey=k2&X-Api-Key=k3&access_token=t"))
			.isEqualTo("https://api.example/v1/news?lang=fr&api_key=***&apiKey=***&X-Api-Key=***&access_token=***");
		assertThat(ShownUrl.of("https://site.example/feed?user=ali&password=p&pwd=q&sig=r&client_secret=s#top"))
			.isEqualTo("https://site.example/feed?user=ali&password=***&pwd=***&sig=***&client_secret=***#top");
	}

	@Test
	void leavesAnAddressWithoutSuchParametersAsItIs() {
		for (String url : new String[] { "https://www.lemonde.fr/rss/une.xml", "https://le360.ma/feed?lang=fr&page=2",
				"https://site.example/rss?keyword=maroc&monkeys=3", "https://site.example/feed?token=",
				"https://site.example/page#token=abc", "https://site.example/feed?" }) {
			assertThat(ShownUrl.of(url)).as(url).isEqualTo(url);
		}
	}

	@Test
	void hidesTheKeyOfAUrlInsideAMessage() {
		assertThat(ShownUrl.of("redirect loop: https://site.example/feed?key=abc&x=1 reached twice"))
			.isEqualTo("redirect loop: https://site.example/feed?key=***&x=1 reached twice");
	}

	@Test
	void namesTheParametersAnAddressShownHasHidden() {
		String shown = ShownUrl.of("https://abonnes.example/rss?api_key=k&edition=fr&sig=s#une");
		assertThat(ShownUrl.hiddenNames(shown)).containsExactly("api_key", "sig");
		assertThat(ShownUrl.hiddenNames("https://abonnes.example/rss?api_key=k&edition=fr")).isEmpty();
		assertThat(ShownUrl.hiddenNames("https://site.example/feed#token=***")).isEmpty();
	}

}
