package fr.manchette.normalize;

import java.net.IDN;
import java.net.URI;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class LinkCanonicalizerTests {

	private static final URI FEED = URI.create("https://www.francetvinfo.fr/titres.rss");

	@ParameterizedTest(name = "[{index}] {0}")
	@CsvSource(delimiter = '|', textBlock = """
			# franceinfo marks its feed links with an xtor fragment
			https://www.francetvinfo.fr/monde/article.html#xtor=RSS-3-[lestitres]  | https://www.francetvinfo.fr/monde/article.html
			https://www.lemonde.fr/a.html#                                         | https://www.lemonde.fr/a.html
			# one row per family of tracking parameters
			https://www.lemonde.fr/a.html?utm_source=rss&utm_medium=feed&utm_campaign=une&id=3 | https://www.lemonde.fr/a.html?id=3
			https://www.lemonde.fr/a.html?UTM_Source=RSS&id=3                      | https://www.lemonde.fr/a.html?id=3
			https://www.lemonde.fr/a.html?fbclid=IwAR0abc                          | https://www.lemonde.fr/a.html
			https://www.lemonde.fr/a.html?gclid=Cj0K&id=3                          | https://www.lemonde.fr/a.html?id=3
			https://www.lemonde.fr/a.html?id=3&dclid=CJ0                           | https://www.lemonde.fr/a.html?id=3
			https://www.lemonde.fr/a.html?msclkid=5f2e                             | https://www.lemonde.fr/a.html
			https://www.lemonde.fr/a.html?mc_cid=12ab&mc_eid=34cd                  | https://www.lemonde.fr/a.html
			https://www.lemonde.fr/a.html?igshid=MzRlODBi                          | https://www.lemonde.fr/a.html
			https://www.lefigaro.fr/a.php?xtor=RSS-1&xtref=https%3A%2F%2Fnews.google.com | https://www.lefigaro.fr/a.php
			https://www.lemonde.fr/a.html?at_medium=RSS&at_campaign=une&at_creation=x | https://www.lemonde.fr/a.html
			https://www.lemonde.fr/a.html?ref_src=twsrc%5Etfw                      | https://www.lemonde.fr/a.html
			https://www.lemonde.fr/a.html?_ga=2.1234.5678                          | https://www.lemonde.fr/a.html
			https://www.liberation.fr/a/?cmpid=rss                                 | https://www.liberation.fr/a/
			https://www.msn.com/fr-fr/actualite/a?ocid=BingNewsSearch              | https://www.msn.com/fr-fr/actualite/a
			# what remains keeps its order and its exact encoding
			https://www.leparisien.fr/r?q=caf%c3%a9&utm_source=x&page=2&tri=date%20desc&at_medium=y | https://www.leparisien.fr/r?q=caf%c3%a9&page=2&tri=date%20desc
			https://www.leparisien.fr/r?b=2&a=1&b=1                               | https://www.leparisien.fr/r?b=2&a=1&b=1
			https://www.lemonde.fr/a.html?a=1&amp;b=2                              | https://www.lemonde.fr/a.html?a=1&b=2
			https://www.lemonde.fr/a.html?&&id=3&                                  | https://www.lemonde.fr/a.html?id=3
			https://www.lemonde.fr/a.html?                                         | https://www.lemonde.fr/a.html
			# scheme and host in lower case, path untouched; default ports dropped
			HTTPS://WWW.LeMonde.FR/International/Article.html                      | https://www.lemonde.fr/International/Article.html
			http://www.lemonde.fr:80/a                                             | http://www.lemonde.fr/a
			https://www.lemonde.fr:443/a                                           | https://www.lemonde.fr/a
			https://www.lemonde.fr:8443/a                                          | https://www.lemonde.fr:8443/a
			http://www.lemonde.fr:443/a                                            | http://www.lemonde.fr:443/a
			https://www.lemonde.fr                                                 | https://www.lemonde.fr/
			https://www.lemonde.fr?id=3                                            | https://www.lemonde.fr/?id=3
			https://www.lemonde.fr/a/b/../c/./d.html                               | https://www.lemonde.fr/a/c/d.html
			https://[2001:DB8::1]:443/a                                            | https://[2001:db8::1]/a
			# relative links resolve against the feed
			/monde/article.html                                                    | https://www.francetvinfo.fr/monde/article.html
			article.html                                                           | https://www.francetvinfo.fr/article.html
			../../sport/article.html                                               | https://www.francetvinfo.fr/sport/article.html
			//cdn.francetvinfo.fr/image.jpg                                        | https://cdn.francetvinfo.fr/image.jpg
			?page=2                                                                | https://www.francetvinfo.fr/titres.rss?page=2
			# what URI would refuse is percent-encoded, not fatal
			https://www.lemonde.fr/un article.html                                 | https://www.lemonde.fr/un%20article.html
			https://www.lemonde.fr/société/été.html                                | https://www.lemonde.fr/soci%C3%A9t%C3%A9/%C3%A9t%C3%A9.html
			https://www.lemonde.fr/a?emoji=🎉                                      | https://www.lemonde.fr/a?emoji=%F0%9F%8E%89
			https://www.lemonde.fr/a%zz?p=50%                                      | https://www.lemonde.fr/a%25zz?p=50%25
			https://www.lemonde.fr/a%2Fb                                           | https://www.lemonde.fr/a%2Fb
			https://www.lemonde.fr/p[1]                                            | https://www.lemonde.fr/p%5B1%5D
			https://www.académie-française.fr/dictionnaire                         | https://www.xn--acadmie-franaise-npb1a.fr/dictionnaire
			""")
	void canonicalizes(String link, String expected) {
		assertThat(LinkCanonicalizer.canonical(link, FEED)).contains(URI.create(expected));
	}

	@ParameterizedTest(name = "[{index}] \"{0}\"")
	@NullAndEmptySource
	@ValueSource(strings = { "   ", "javascript:alert(1)", "JavaScript:void(0)", " javascript:alert(document.cookie)",
			"data:text/html;base64,PHNjcmlwdD4=", "mailto:redaction@lemonde.fr", "ftp://ftp.lemonde.fr/a",
			"tel:+33100000000", "http://", "https://", "http:relative", "https://www.lemonde.fr:99999/",
			"https://www.lemonde.fr:port/", "https://exa mple.fr/", "Lire la suite", "#xtor=RSS-3" })
	void refusesWhatIsNotAnHttpLink(String link) {
		assertThat(LinkCanonicalizer.canonical(link, FEED)).isEmpty();
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@CsvSource(delimiter = '|', textBlock = """
			https://www.lemonde.fr/a.html                                          | https://www.lemonde.fr/a.html
			https://www.lemonde.fr/a.html?id=3#commentaires                        | https://www.lemonde.fr/a.html?id=3#commentaires
			https://www.lemonde.fr/a.html?utm_source=rss&id=3&xtor=RSS-1           | https://www.lemonde.fr/a.html?id=3
			https://www.lemonde.fr/a.html?utm_source=rss#commentaires              | https://www.lemonde.fr/a.html#commentaires
			https://www.francetvinfo.fr/a.html#xtor=RSS-3-[lestitres]              | https://www.francetvinfo.fr/a.html
			https://www.lemonde.fr/a.html?id=3#top?utm_source=x                    | https://www.lemonde.fr/a.html?id=3#top?utm_source=x
			https://www.lemonde.fr/a.html?                                         | https://www.lemonde.fr/a.html?
			""")
	void aSummarysLinkLosesItsTrackingParametersOnly(String link, String expected) {
		assertThat(LinkCanonicalizer.withoutTrackingParameters(link)).isEqualTo(expected);
	}

	@Test
	void theSameHostsGiveTheSameAnswersEveryTimeAndInAnyOrder() {
		for (int round = 0; round < 3; round++) {
			for (int host = 0; host < 100; host++) {
				assertThat(LinkCanonicalizer.canonical("HTTP://Site" + host + ".Example:80/a", FEED))
					.contains(URI.create("http://site" + host + ".example/a"));
				assertThat(LinkCanonicalizer.canonical("https://site" + host + ".example:443/b", FEED))
					.contains(URI.create("https://site" + host + ".example/b"));
				assertThat(LinkCanonicalizer.canonical("http://site" + host + ".example:99999/a", FEED)).isEmpty();
				assertThat(LinkCanonicalizer.canonical("http://bad host" + host + "/a", FEED)).isEmpty();
				assertThat(LinkCanonicalizer.canonical("http://Élysée" + host + ".fr/a", FEED))
					.contains(URI.create("http://" + IDN.toASCII("élysée" + host, IDN.ALLOW_UNASSIGNED) + ".fr/a"));
			}
		}
	}

	@Test
	void anAddressIsWhatABrowserAsksForWithEveryParameterKept() {
		// A feed's address, not an article's identity: a relative path with a space is a path, parameters all stay.
		assertThat(LinkCanonicalizer.address(" flux rss/à la une.xml?utm_source=site&q=a b#haut ",
				URI.create("https://www.exämple.ma/rubrique/")))
			.contains(URI.create("https://www.xn--exmple-cua.ma/rubrique/flux%20rss/%C3%A0%20la%20une.xml"
					+ "?utm_source=site&q=a%20b"));
		assertThat(LinkCanonicalizer.canonical("flux rss.xml?utm_source=site", FEED)).isEmpty();
		assertThat(LinkCanonicalizer.address("javascript:void(0)", FEED)).isEmpty();
	}

	@Test
	void trimsSpacesAndLineBreaksAroundTheLink() {
		assertThat(LinkCanonicalizer.canonical("\n\t  https://www.lemonde.fr/a.html \n", FEED))
			.contains(URI.create("https://www.lemonde.fr/a.html"));
	}

	@Test
	void resolvesAgainstABaseWithoutPath() {
		assertThat(LinkCanonicalizer.canonical("article.html", URI.create("https://www.lemonde.fr")))
			.contains(URI.create("https://www.lemonde.fr/article.html"));
	}

	@Test
	void givesTheSameLinkForTheSameArticleSeenTwice() {
		assertThat(LinkCanonicalizer.canonical("HTTPS://www.francetvinfo.fr:443/a.html?utm_source=x#xtor=RSS-3", FEED))
			.isEqualTo(LinkCanonicalizer.canonical("https://www.francetvinfo.fr/a.html", FEED));
	}

	/** The trimming of a link used to be a regular expression: the loop that replaced it must give what it gave. */
	@Test
	void trimsAsTheFormerRegularExpressionDid() {
		Pattern edges = Pattern.compile("^[\\x00-\\x20\\u00A0\\uFEFF]+|[\\x00-\\x20\\u00A0\\uFEFF]+$");
		Pattern tabOrNewline = Pattern.compile("[\\t\\n\\r]");
		String alphabet = " \t\n\r\u0000\u001F\u0085\u2028\u2029\u00A0\uFEFF\u202Fa/\u00E9";
		Random random = new Random(5);
		for (int i = 0; i < 200_000; i++) {
			StringBuilder link = new StringBuilder();
			for (int n = random.nextInt(10); n > 0; n--) {
				link.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			String text = link.toString();
			String expected = edges.matcher(text).replaceAll("");
			assertThat(LinkCanonicalizer.trimmed(text)).as(text.chars().boxed().toList().toString()).isEqualTo(expected);
			assertThat(LinkCanonicalizer.withoutTabsOrNewlines(expected))
				.isEqualTo(tabOrNewline.matcher(expected).replaceAll(""));
		}
	}

}
