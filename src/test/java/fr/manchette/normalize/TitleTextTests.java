package fr.manchette.normalize;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import fr.manchette.parse.TitleType;
import fr.manchette.support.RepublishedHtml;

import static org.assertj.core.api.Assertions.assertThat;

class TitleTextTests {

	@ParameterizedTest(name = "[{index}] {0}")
	@CsvSource(delimiter = '|', textBlock = """
			Pr&eacute;sidentielle&nbsp;: les r&eacute;sultats                 | Présidentielle\u00A0: les résultats
			L&rsquo;Assembl&eacute;e adopte le budget                          | L’Assemblée adopte le budget
			Caf&#233; &#x2019; &amp; croissants                                 | Café ’ & croissants
			&laquo;&nbsp;C&rsquo;est non&nbsp;&raquo;                          | «\u00A0C’est non\u00A0»
			Tom &amp; Jerry                                                    | Tom & Jerry
			Prix &lt; 10 €                                                     | Prix < 10 €
			AT&T rachète Time Warner                                           | AT&T rachète Time Warner
			""")
	void decodesEntities(String title, String expected) {
		assertThat(TitleText.plain(title)).isEqualTo(expected);
	}

	@Test
	void decodesEntitiesEscapedTwice() {
		// <title>&amp;eacute;</title> reaches us as &eacute; and <title>&amp;amp;eacute;</title> as &amp;eacute;
		assertThat(TitleText.plain("L&rsquo;&eacute;t&eacute; br&ucirc;lant")).isEqualTo("L’été brûlant");
		assertThat(TitleText.plain("L&amp;rsquo;&amp;eacute;t&amp;eacute; br&amp;ucirc;lant"))
			.isEqualTo("L’été brûlant");
		assertThat(TitleText.plain("Sant&amp;#233; &amp;amp; bien-&amp;ecirc;tre")).isEqualTo("Santé & bien-être");
		assertThat(TitleText.plain("Bilan&amp;nbsp;: R&D, AT&T et AT&amp;amp;T")).isEqualTo("Bilan\u00A0: R&D, AT&T et AT&T");
	}

	/**
	 * A feed that escapes its HTML twice: {@code <title>&amp;lt;b&amp;gt;…</title>}, or {@code &lt;b&gt;} in CDATA,
	 * reaches us as {@code &lt;b&gt;}; once more escaped, as {@code &amp;lt;b&amp;gt;}. Its tags are read as HTML
	 * once more: as text they would be junk to a reader, and a script to one that shows titles as HTML.
	 */
	@ParameterizedTest(name = "[{index}] {0}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			&lt;b&gt;Grève&lt;/b&gt; à la SNCF                                           | Grève à la SNCF
			&amp;lt;b&amp;gt;Grève&amp;lt;/b&amp;gt; à la SNCF                           | Grève à la SNCF
			&lt;img src=x onerror=alert(1)&gt;Municipales                                | Municipales
			Municipales &lt;script&gt;alert(1)&lt;/script&gt;à Lyon                      | Municipales à Lyon
			&lt;em&gt;«&amp;nbsp;Non&amp;nbsp;»&lt;/em&gt;, dit-elle                     | `«\u00A0Non\u00A0», dit-elle`
			&lt;blink&gt;Soldes&lt;/blink&gt; d&amp;#233;but&lt;br/&gt;janvier           | Soldes début janvier
			&lt;!-- pub --&gt;Le Mans&amp;nbsp;: &lt;a href="/x"&gt;24 heures&lt;/a&gt;   | `Le Mans\u00A0: 24 heures`
			<b>Grève</b> &lt;i&gt;reconduite&lt;/i&gt;                                    | Grève reconduite
			""")
	void readsMarkupEscapedTwiceAsHtml(String title, String expected) {
		assertThat(TitleText.plain(title)).isEqualTo(expected);
	}

	/**
	 * Markup escaped at several levels at once, each level read as HTML: what a reader would run never reaches the
	 * text, however many levels are crafted, and the reading stops after a few.
	 */
	@Test
	void readsMarkupWithinMarkupAFewTimesOnly() {
		assertThat(TitleText.plain("&amp;lt;b&amp;gt;&amp;amp;lt;img src=x onerror=alert(1)&amp;amp;gt;&amp;lt;/b&amp;gt;"
				+ "Titre"))
			.isEqualTo("Titre");
		String markup = "<img src=x onerror=alert(1)>Titre";
		for (int levels = 1; levels <= 12; levels++) {
			markup = "<b>" + htmlEscaped(markup) + "</b>";
			String title = TitleText.plain(htmlEscaped(markup));
			assertThat(RepublishedHtml.markupIn(title)).as(markup).isEmpty();
			assertThat(title).as(markup).isIn("Titre", "");
			if (levels <= 4) {
				assertThat(title).as(markup).isEqualTo("Titre");
			}
		}
	}

	private static String htmlEscaped(String html) {
		return html.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	/**
	 * Text that only uses angle brackets, as written (« a<b »), escaped once (« a&lt;b », how a feed writes it) or
	 * twice: read as HTML, « a<b » would be « a », « <<Le Monde>> » « <> ».
	 */
	@ParameterizedTest(name = "[{index}] {0}")
	@ValueSource(strings = { "x < 3 et y > 2", "<<Le Monde>>", "«\u00A0Qui a dit \"<3\"\u00A0?\u00A0»", "a<b",
			"a<b et c>d", "<<A nous Paris>> : la une", "La <Une> du jour", "Paris -> Lyon <- Marseille",
			"Sondage\u202F: <<\u00A0Non\u00A0>> à 52\u00A0%" })
	void keepsTheAngleBracketsOfOrdinaryText(String text) {
		String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
		assertThat(TitleText.plain(text)).isEqualTo(text);
		assertThat(TitleText.plain(escaped)).isEqualTo(text);
		assertThat(TitleText.plain(escaped.replace("&", "&amp;"))).isEqualTo(text);
		assertThat(TitleText.plain("<b>Une</b> " + escaped)).isEqualTo("Une " + text);
	}

	/**
	 * A title declared text (an Atom title of type text or of none) is text: what looks like a tag or
	 * an entity in it is what its publisher wrote, and what a reader must see (RFC 4287 section 3.1.1).
	 */
	@ParameterizedTest(name = "[{index}] {0}")
	@ValueSource(strings = { "Cours de HTML : la balise <p> et l'entité &amp; expliquées",
			"Faille XSS : la balise <script> reste dangereuse", "<b>Gras</b> s’écrit avec &lt;b&gt;", "x<y et A<B",
			"<!-- commentaire --> et <![CDATA[ ]]>", "«\u00A0Non\u00A0», dit-elle" })
	void keepsATitleDeclaredTextAsWritten(String title) {
		assertThat(TitleText.title(title, TitleType.TEXT)).isEqualTo(title);
	}

	@Test
	void foldsAndComposesATitleDeclaredText() {
		assertThat(TitleText.title("  Le\tcours\n<p>\u00AD  e\u0301te\u0301 ", TitleType.TEXT)).isEqualTo("Le cours <p> été");
		assertThat(TitleText.title(null, TitleType.TEXT)).isEmpty();
	}

	/**
	 * An RSS title (no declared type) that names a tag whose content an HTML parser swallows, or writes angle brackets
	 * that it would take for a tag, loses no word: such a tag stays as text, beside the formatting tags that are left
	 * out.
	 */
	@ParameterizedTest(name = "[{index}] {0}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			Faille XSS : la balise <script> reste dangereuse                  | Faille XSS : la balise <script> reste dangereuse
			La balise <style> et la balise <b>gras</b>                         | La balise <style> et la balise gras
			<textarea> : <i>le champ</i> de saisie                             | <textarea> : le champ de saisie
			Le titre <title> du document                                      | Le titre <title> du document
			<noscript>, <iframe> et <xmp> : la fin d’une époque                | <noscript>, <iframe> et <xmp> : la fin d’une époque
			<em>Maths</em> : x<y et A<B                                        | Maths : x<y et A<B
			<span class="sur">Exclusif</span><br/>La <plaintext> et <Le Monde> | Exclusif La <plaintext> et <Le Monde>
			<script>alert(1)</script> puis la suite                            | <script>alert(1)</script> puis la suite
			<b>Note</b> : <!DOCTYPE html> en tête                              | Note : <!DOCTYPE html> en tête
			<a href="/x" title="a<b">Lien</a> suivi                            | Lien suivi
			""")
	void keepsEveryWordOfAnRssTitleThatNamesATag(String title, String expected) {
		assertThat(TitleText.title(title, TitleType.UNSAID)).isEqualTo(expected);
	}

	/**
	 * Escaped once more by its feed, an RSS title is read as before: markup escaped twice is read as HTML, its
	 * formatting left out, its entities decoded; a tag it only names stays.
	 */
	@ParameterizedTest(name = "[{index}] {0}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			&lt;b&gt;Grève&lt;/b&gt; à la SNCF                                           | Grève à la SNCF
			&amp;lt;b&amp;gt;Grève&amp;lt;/b&amp;gt; à la SNCF                           | Grève à la SNCF
			&lt;img src=x onerror=alert(1)&gt;Municipales                                | Municipales
			&lt;em&gt;«&amp;nbsp;Non&amp;nbsp;»&lt;/em&gt;, dit-elle                     | `«\u00A0Non\u00A0», dit-elle`
			&lt;blink&gt;Soldes&lt;/blink&gt; d&amp;#233;but&lt;br/&gt;janvier           | <blink>Soldes</blink> début janvier
			&lt;!-- pub --&gt;Le Mans&amp;nbsp;: &lt;a href="/x"&gt;24 heures&lt;/a&gt;   | `Le Mans\u00A0: 24 heures`
			<b>Grève</b> &lt;i&gt;reconduite&lt;/i&gt;                                    | Grève reconduite
			L&amp;rsquo;&amp;eacute;t&amp;eacute; <span style="color:red">br&ucirc;lant</span> | L’été brûlant
			<![CDATA[Réforme : <b>le Sénat</b> vote]]>                                   | Réforme : le Sénat vote
			Municipales &lt;script&gt;alert(1)&lt;/script&gt;à Lyon                      | Municipales <script>alert(1)</script>à Lyon
			&lt;b&gt;La balise&lt;/b&gt; &amp;lt;script&amp;gt; reste                     | La balise <script> reste
			""")
	void readsTheFormattingOfAnRssTitleAndKeepsTheTagsItNames(String title, String expected) {
		assertThat(TitleText.title(title, TitleType.UNSAID)).isEqualTo(expected);
	}

	/** A title declared HTML is HTML: a script in it is a script, left out with what it holds. */
	@Test
	void readsATitleDeclaredHtmlAsHtml() {
		assertThat(TitleText.title("Municipales <script>alert('x')</script>à <b>Lyon</b>", TitleType.HTML))
			.isEqualTo("Municipales à Lyon");
		assertThat(TitleText.title("Le &lt;b&gt; et &amp;eacute;", TitleType.HTML)).isEqualTo("Le et é");
	}

	/**
	 * A page's element, as its parser wrote it out, is read as HTML once: its text is what the page shows (a tag it
	 * names, an entity it shows as written), and what the page strikes out or never shows stays out.
	 */
	@ParameterizedTest(name = "[{index}] {0}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			La balise &lt;script&gt; reste dangereuse                      | La balise <script> reste dangereuse
			Le &amp;lt;b&amp;gt; et &amp;eacute;                          | Le &lt;b&gt; et &eacute;
			x&lt;y et &lt;Le Monde&gt;                                    | x<y et <Le Monde>
			<b>Prix</b>&nbsp;: <s>12 €</s> 15 €<script>alert(1)</script>  | `Prix\u00A0: 15 €`
			<span>Un</span><br>deux <del>trois</del>                      | Un deux
			Sans balise                                                   | Sans balise
			""")
	void readsAPageTitleAsThePageShowsIt(String title, String expected) {
		assertThat(TitleText.title(title, TitleType.PAGE)).isEqualTo(expected);
	}

	/** What is struck out no longer holds, and plain text cannot strike it. */
	@Test
	void leavesStruckOutTextOut() {
		assertThat(TitleText.plain("Prix\u00A0: <s>12\u00A0€</s> 15\u00A0€")).isEqualTo("Prix\u00A0: 15\u00A0€");
		assertThat(TitleText.plain("<del>Report</del> Maintien du match, <strike>annulé</strike> joué"))
			.isEqualTo("Maintien du match, joué");
	}

	@Test
	void dropsMarkupAndKeepsItsText() {
		assertThat(TitleText.plain("<b>Ukraine</b>\u00A0: <em>l’aide</em> <a href=\"/x\">européenne</a> arrive"))
			.isEqualTo("Ukraine\u00A0: l’aide européenne arrive");
	}

	@Test
	void unwrapsALeftoverCdataSection() {
		assertThat(TitleText.plain("<![CDATA[Réforme des retraites\u202F: <b>le Sénat</b> vote]]>"))
			.isEqualTo("Réforme des retraites\u202F: le Sénat vote");
	}

	@Test
	void dropsScriptsAndStyles() {
		assertThat(TitleText.plain("Municipales <script>alert('x')</script>à Lyon<style>b{color:red}</style>"))
			.isEqualTo("Municipales à Lyon");
	}

	@Test
	void foldsAsciiWhitespaceIntoOneSpace() {
		assertThat(TitleText.plain("  \r\n\tIncendie\n\n dans   les\tLandes\f  "))
			.isEqualTo("Incendie dans les Landes");
	}

	@Test
	void separatesWordsAcrossLineBreaksAndBlocks() {
		assertThat(TitleText.plain("Fête<br>de la musique<p>ce soir</p>")).isEqualTo("Fête de la musique ce soir");
	}

	@Test
	void dropsControlCharactersAndByteOrderMarks() {
		assertThat(TitleText.plain("\uFEFFGrève\u0000 à la\u0007 SNCF\u0085")).isEqualTo("Grève à la SNCF");
	}

	/** A reader shows « Rassemblement » whole; kept, the soft hyphen and zero-width space split it for searches. */
	@Test
	void dropsSoftHyphensZeroWidthSpacesAndWordJoinersButNotTheJoinersThatShow() {
		assertThat(TitleText.plain("Rassem&shy;blement à Mar\u00ADseille\u200B : l\u2060’appel"))
			.isEqualTo("Rassemblement à Marseille : l’appel");
		String family = "\uD83D\uDC68\u200D\uD83D\uDC69";
		String arabic = "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645";
		assertThat(TitleText.plain(family + " " + arabic)).isEqualTo(family + " " + arabic);
	}

	@Test
	void keepsFrenchTypographyByteForByte() {
		String title = "«\u00A0Nous n’avons pas le choix\u202F!\u00A0», dit-elle\u00A0; pourquoi\u202F?";
		String plain = TitleText.plain(title);
		assertThat(plain.getBytes(StandardCharsets.UTF_8)).isEqualTo(title.getBytes(StandardCharsets.UTF_8));
		assertThat(plain).contains("\u2019", "\u00AB", "\u00BB", "\u00A0", "\u202F");
	}

	@Test
	void keepsNoBreakSpacesNextToOrdinarySpaces() {
		assertThat(TitleText.plain("Bilan \u00A0: 15\u00A0000 morts")).isEqualTo("Bilan \u00A0: 15\u00A0000 morts");
	}

	@Test
	void givesEmptyTextForNothing() {
		assertThat(TitleText.plain(null)).isEmpty();
		assertThat(TitleText.plain("")).isEmpty();
		assertThat(TitleText.plain(" <b> </b>\n")).isEmpty();
		assertThat(TitleText.plain("\u00A0")).isEmpty();
	}

	/**
	 * The regular expressions fold used to be: its one-pass loop must give what they gave, on text made of the
	 * characters each rule is about (runs of blanks, controls, no-break spaces at the edges, surrogates, and the line
	 * separators before which {@code $} also matched).
	 */
	@Test
	void foldGivesWhatItsFormerRegularExpressionsGave() {
		Random random = new Random(7);
		for (int i = 0; i < 200_000; i++) {
			String text = randomText(random);
			assertThat(TitleText.fold(text)).as(escaped(text)).isEqualTo(formerFold(text));
			assertThat(TitleText.foldsToNothing(text)).as(escaped(text)).isEqualTo(formerFold(text).isEmpty());
		}
	}

	/** Text without markup, entity or CDATA marker skips jsoup: it must come out as jsoup's reading of it would. */
	@Test
	void plainTextGivesWhatTheHtmlParserGives() {
		Random random = new Random(13);
		int plain = 0;
		for (int i = 0; i < 50_000; i++) {
			String text = randomText(random);
			if (TitleText.isPlain(text)) {
				plain++;
				assertThat(TitleText.plain(text)).as(escaped(text))
					.isEqualTo(TitleText.fold(TitleText.textOf(Jsoup.parseBodyFragment(text).body())));
			}
		}
		assertThat(plain).isGreaterThan(10_000);
	}

	@Test
	void hasNoTextIsFoldOfTheTextBeingEmpty() {
		Random random = new Random(17);
		// A surrogate pair whole, and a lone high half that no piece completes (a pair split by a tag is no text).
		String[] pieces = { "<p>", "</p>", "<b>", "</b>", "<script>x</script>", "<br>", "<img src=x>", "\u00A0",
				" ", "\n", "\u0007", "a", "\uD83D\uDE00", "\uD83D", "&nbsp;", "<style>b{}</style>", "\u2028", "<div>",
				"</div>" };
		for (int i = 0; i < 20_000; i++) {
			StringBuilder html = new StringBuilder();
			for (int n = random.nextInt(8); n >= 0; n--) {
				html.append(pieces[random.nextInt(pieces.length)]);
			}
			for (Element element : Jsoup.parseBodyFragment(html.toString()).body().getAllElements()) {
				assertThat(TitleText.hasNoText(element)).as(html.toString())
					.isEqualTo(TitleText.fold(TitleText.textOf(element)).isEmpty());
			}
		}
	}

	/**
	 * What fold drops besides controls and lone surrogates: the byte-order mark, the soft hyphen, the zero-width space,
	 * the word joiner, and the two noncharacters U+FFFE and U+FFFF.
	 */
	private static final String INVISIBLE = "\uFEFF\u00AD\u200B\u2060\uFFFE\uFFFF";

	private static final String ALPHABET = " \t\n\r\f\u000B\u0000\u0007\u0085\u00A0\u202F\u2028\u2029\uFEFF"
			+ "\u00AD\u200B\u200D\u2060\uFFFE" + "\uD83D\uDE00\uD83D\uDE00ae\u00E9\u00AB\u00BB<&];>";

	private static String randomText(Random random) {
		StringBuilder text = new StringBuilder();
		for (int n = random.nextInt(12); n > 0; n--) {
			text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return text.toString();
	}

	private static String escaped(String text) {
		StringBuilder out = new StringBuilder();
		text.chars().forEach((c) -> out.append(String.format("\\u%04X", c)));
		return out.toString();
	}

	/** fold as it was written before it became one loop, with the invisible characters it drops since. */
	private static String formerFold(String text) {
		StringBuilder kept = new StringBuilder(text.length());
		text.codePoints().forEach((codePoint) -> {
			if (codePoint == '\u000B') {
				kept.append(' ');
			}
			else if (!((codePoint != '\t' && codePoint != '\n' && codePoint != '\r' && codePoint != '\f'
					&& Character.getType(codePoint) == Character.CONTROL) || INVISIBLE.indexOf(codePoint) >= 0
					|| Character.getType(codePoint) == Character.SURROGATE)) {
				kept.appendCodePoint(codePoint);
			}
		});
		String folded = Pattern.compile("[ \\t\\n\\r\\f]+").matcher(kept).replaceAll(" ");
		return Pattern.compile("^[ \\t\\n\\r\\f\\u00A0\\u202F]+|[ \\t\\n\\r\\f\\u00A0\\u202F]+$")
			.matcher(folded)
			.replaceAll("");
	}

	/**
	 * What fold drops is read as ranges: they must be Unicode's controls (but white space) and the invisible
	 * characters, exactly.
	 */
	@Test
	void foldDropsExactlyUnicodesControlsButWhiteSpaceAndTheInvisibleCharacters() {
		for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
			if (Character.isSurrogate((char) c) && c <= 0xFFFF) {
				continue;
			}
			boolean white = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
			boolean dropped = !white && (Character.getType(c) == Character.CONTROL || INVISIBLE.indexOf(c) >= 0);
			String text = "a" + Character.toString(c) + "b";
			String expected = dropped ? "ab" : white ? "a b" : text;
			if (!TitleText.fold(text).equals(expected)) {
				throw new AssertionError("U+" + Integer.toHexString(c) + ": " + TitleText.fold(text));
			}
		}
	}

}
