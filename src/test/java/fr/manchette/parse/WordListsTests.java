package fr.manchette.parse;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class WordListsTests {

	/** Any entry: no space around it, one space between its words. */
	private static final Pattern ANY_ENTRY = Pattern.compile("\\S+(?: \\S+)*");

	/** The classes that read the lists, each once, when first used; a list refused fails their initialisation. */
	private static final List<String> READERS = List.of("fr.manchette.parse.CalendarWords",
			"fr.manchette.normalize.DateWords", "fr.manchette.dedup.FrenchWords", "fr.manchette.dedup.Senses",
			"fr.manchette.dedup.Metonyms", "fr.manchette.dedup.TitleDecorations", "fr.manchette.editorial.PlainFrench");

	@Test
	void everyListIsReadByItsClassAndHasNoDuplicateNorMalformedLine() throws Exception {
		for (String reader : READERS) {
			Class.forName(reader, true, getClass().getClassLoader());
		}
		List<String> lists = listsInFolder();
		assertThat(lists).contains("french-stop", "opposite-senses", "metonyms", "publishers", "headline-tags",
				"month-and-day-names");
		// Every list under the folder is read, by the format its class expects; none is left unused.
		assertThat(WordLists.read()).containsAll(lists);
		for (String list : lists) {
			List<String> entries = WordLists.read(WordLists.FOLDER + list + ".txt", ANY_ENTRY);
			assertThat(entries).as(list).isNotEmpty().doesNotHaveDuplicates();
		}
	}

	/** Lists matched on the text as written, accents included: the headline tags, the language's function words. */
	private static final Set<String> AS_WRITTEN = Set.of("headline-tags", "french-function-words",
			"english-spanish-function-words");

	@Test
	void theFoldedListsHoldFoldedWordsOnly() throws Exception {
		for (String list : listsInFolder()) {
			if (!AS_WRITTEN.contains(list)) {
				assertThat(WordLists.read(WordLists.FOLDER + list + ".txt", ANY_ENTRY))
					.as(list)
					.allSatisfy((entry) -> assertThat(AccentFold.fold(entry)).isEqualTo(entry));
			}
		}
	}

	@Test
	void aWordListedTwiceIsRefusedNamingBothLines() {
		assertThatIllegalStateException()
			.isThrownBy(() -> WordLists.read("/fr/manchette/parse/words/listed-twice.txt", WordLists.WORD))
			.withMessage("/fr/manchette/parse/words/listed-twice.txt line 5: « hausse » is already on line 3");
	}

	@Test
	void aWordNotFoldedIsRefused() {
		assertThatIllegalStateException()
			.isThrownBy(() -> WordLists.read("/fr/manchette/parse/words/not-folded.txt", WordLists.WORD))
			.withMessageStartingWith(
					"/fr/manchette/parse/words/not-folded.txt line 4: « Baisse » is not an entry of this list");
	}

	@Test
	void aWordWithATrailingSpaceIsRefused() {
		assertThatIllegalStateException()
			.isThrownBy(() -> WordLists.read("/fr/manchette/parse/words/trailing-space.txt", WordLists.WORD))
			.withMessageStartingWith(
					"/fr/manchette/parse/words/trailing-space.txt line 3: « hausse  » is not an entry of this list");
	}

	@Test
	void aMissingListIsNamed() {
		assertThatIllegalStateException().isThrownBy(() -> WordLists.entries("no-such-list", WordLists.WORD))
			.withMessage("/fr/manchette/words/no-such-list.txt is missing from the class path");
	}

	@Test
	void monthAndDayNamesAreReadInOrder() {
		assertThat(CalendarWords.MONTHS).extracting(CalendarWords.Name::frenchName)
			.containsExactly("janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre",
					"octobre", "novembre", "decembre");
		assertThat(CalendarWords.DAYS).extracting(CalendarWords.Name::frenchName)
			.containsExactly("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche");
		assertThat(CalendarWords.monthsOnPages()).containsEntry("fevr", 2).containsEntry("sept", 9)
			.containsEntry("ابريل", 4).containsEntry("كانون الثاني", 1).containsEntry("دجنبر", 12)
			.doesNotContainKey("february");
	}

	@Test
	void foldTakesOffCaseAccentsAndLigatures() {
		assertThat(AccentFold.fold("Œuvre")).isEqualTo("oeuvre");
		assertThat(AccentFold.fold("Sénégal")).isEqualTo("senegal");
		assertThat(AccentFold.fold("FÉVR")).isEqualTo("fevr");
		assertThat(AccentFold.fold("Cæsar")).isEqualTo("caesar");
		assertThat(AccentFold.fold("Plain")).isEqualTo("plain");
	}

	private List<String> listsInFolder() throws IOException, URISyntaxException {
		Path folder = Path.of(WordLists.class.getResource(WordLists.FOLDER).toURI());
		try (Stream<Path> files = Files.list(folder)) {
			return files.map((file) -> file.getFileName().toString())
				.filter((name) -> name.endsWith(".txt"))
				.map((name) -> name.substring(0, name.length() - ".txt".length()))
				.sorted()
				.toList();
		}
	}

}
