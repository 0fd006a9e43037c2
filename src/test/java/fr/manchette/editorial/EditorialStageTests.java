package fr.manchette.editorial;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.google.re2j.Pattern;
import fr.manchette.config.EditorialRules;
import fr.manchette.config.ItemRule;
import fr.manchette.config.RuleField;
import fr.manchette.normalize.Item;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** {@link EditorialStage}: each field and mode of a rule, keep lists, languages, and what a feed cannot do. */
class EditorialStageTests {

	private static final LanguageDetector DETECTOR = new LanguageDetector();

	private final EditorialStage stage = new EditorialStage(new ItemLanguage(DETECTOR));

	private final Item item = item("Publireportage : Marchica Med investit 1,4 milliard à Nador",
			"Un contenu proposé par notre partenaire, l’Œuvre du littoral.",
			"https://fr.le360.ma/partenaires/marchica-med-nador", List.of("Économie", "Régions"), "Rédaction partenaire",
			"fr");

	@Test
	void wordsAreFoldedAndMayBeInTheTitleOrTheSummaryOrBoth() {
		assertThat(drops(words(null, "PUBLIREPORTAGE"))).isTrue();
		assertThat(drops(words(null, "oeuvre litteral"))).as("every word must be there").isFalse();
		assertThat(drops(words(null, "oeuvre littoral"))).as("accents and the ligature folded").isTrue();
		assertThat(drops(words(null, "nador partenaire"))).as("one word in each").isTrue();
		assertThat(drops(words(null, "partenair"))).as("a word start, as q").isTrue();
		assertThat(drops(words(null, "artenaire"))).as("not the middle of a word").isFalse();
	}

	@Test
	void eachFieldWithWords() {
		assertThat(drops(words(RuleField.TITLE, "publireportage"))).isTrue();
		assertThat(drops(words(RuleField.TITLE, "partenaire"))).isFalse();
		assertThat(drops(words(RuleField.SUMMARY, "partenaire"))).isTrue();
		assertThat(drops(words(RuleField.SUMMARY, "publireportage"))).isFalse();
		assertThat(drops(words(RuleField.LINK, "partenaires"))).isTrue();
		assertThat(drops(words(RuleField.LINK, "publireportage"))).isFalse();
		assertThat(drops(words(RuleField.CATEGORY, "economie"))).isTrue();
		assertThat(drops(words(RuleField.CATEGORY, "economie regions"))).as("within one category").isFalse();
		assertThat(drops(words(RuleField.AUTHOR, "redaction partenaire"))).isTrue();
		assertThat(drops(words(RuleField.AUTHOR, "afp"))).isFalse();
	}

	@Test
	void eachFieldWithAPatternAsWritten() {
		assertThat(drops(pattern(null, "^Publireportage :"))).isTrue();
		assertThat(drops(pattern(RuleField.TITLE, "^publireportage"))).as("case-sensitive unless (?i)").isFalse();
		assertThat(drops(pattern(RuleField.TITLE, "(?i)^publireportage"))).isTrue();
		assertThat(drops(pattern(RuleField.SUMMARY, "partenaire, l’Œuvre"))).isTrue();
		assertThat(drops(pattern(RuleField.LINK, "^https://fr\\.le360\\.ma/partenaires/"))).isTrue();
		assertThat(drops(pattern(RuleField.CATEGORY, "^Régions$"))).isTrue();
		assertThat(drops(pattern(RuleField.CATEGORY, "^Sport$"))).isFalse();
		assertThat(drops(pattern(RuleField.AUTHOR, "partenaire$"))).isTrue();
	}

	@Test
	void aRuleThatMatchesNothingKeepsEverything() {
		EditorialRules rules = new EditorialRules(List.of(words(null, "horoscope"), pattern(RuleField.LINK, "/jeux/")),
				List.of(), null);
		Judgement judged = this.stage.judge(rules, EditorialRules.NONE, List.of(this.item));
		assertThat(judged.kept()).hasSize(1);
		assertThat(judged.dropped()).isEmpty();
	}

	@Test
	void dropNamesTheRuleAndKeepListsMustEachBeMatched() {
		EditorialRules file = new EditorialRules(List.of(), List.of(words(RuleField.CATEGORY, "economie")), null);
		EditorialRules source = new EditorialRules(List.of(words(null, "publireportage")),
				List.of(words(RuleField.CATEGORY, "sport")), null);
		Judgement dropped = this.stage.judge(file, source, List.of(this.item));
		assertThat(dropped.dropped()).extracting(Judgement.Dropped::rule).containsExactly("drop: publireportage");
		EditorialRules keepSport = new EditorialRules(List.of(), List.of(words(RuleField.CATEGORY, "sport")), null);
		assertThat(this.stage.judge(file, keepSport, List.of(this.item)).dropped())
			.extracting(Judgement.Dropped::rule)
			.containsExactly("keep");
		assertThat(this.stage.judge(file, EditorialRules.NONE, List.of(this.item)).kept()).hasSize(1);
	}

	@Test
	void languagesOfTheSourceReplaceTheFilesAndAnUnknownLanguageIsKept() {
		Item arabic = item("المغرب يتأهل إلى نصف نهائي كأس أمم إفريقيا", "", "https://ar.example.ma/1", List.of(), null,
				"fr");
		Item nothing = item("2025", "", "https://example.ma/2", List.of(), null, null);
		EditorialRules french = new EditorialRules(List.of(), List.of(), List.of("fr"));
		Judgement judged = this.stage.judge(french, EditorialRules.NONE, List.of(this.item, arabic, nothing));
		assertThat(judged.kept()).extracting(Item::language).containsExactly("fr", null);
		assertThat(judged.dropped()).singleElement().satisfies((drop) -> {
			assertThat(drop.rule()).isEqualTo("languages: fr");
			assertThat(drop.item().language()).as("declared fr, written in Arabic").isEqualTo("ar");
		});
		EditorialRules arabicOnly = new EditorialRules(List.of(), List.of(), List.of("ar"));
		assertThat(this.stage.judge(french, arabicOnly, List.of(this.item, arabic)).kept()).extracting(Item::language)
			.containsExactly("ar");
	}

	@Test
	void theVersionChangesWithTheRules() {
		EditorialRules one = new EditorialRules(List.of(words(null, "publireportage")), List.of(), null);
		EditorialRules two = new EditorialRules(List.of(words(null, "communiqué")), List.of(), null);
		assertThat(EditorialStage.version(one, EditorialRules.NONE))
			.isEqualTo(EditorialStage.version(one, EditorialRules.NONE))
			.isNotEqualTo(EditorialStage.version(two, EditorialRules.NONE))
			.isNotEqualTo(EditorialStage.version(EditorialRules.NONE, one));
	}

	@Test
	void aPathologicalPatternOnAFiveMegabyteTitleReturns() {
		// (a+)+$ against a run of a's ended by b takes exponential time in a backtracking engine; RE2/J is linear.
		String title = "a".repeat(5 * 1024 * 1024) + "b";
		Item huge = item(title, "", "https://example.ma/a", List.of(), null, "fr");
		EditorialRules rules = new EditorialRules(List.of(pattern(RuleField.TITLE, "(a+)+$"), words(null, "aaa z")),
				List.of(), null);
		String judged = assertTimeoutPreemptively(Duration.ofSeconds(30),
				() -> EditorialStage.dropper(rules, EditorialRules.NONE, null, huge) == null ? "kept" : "dropped");
		assertThat(judged).isEqualTo("kept");
	}

	private boolean drops(ItemRule rule) {
		return EditorialStage.dropper(new EditorialRules(List.of(rule), List.of(), null), EditorialRules.NONE, null,
				this.item) != null;
	}

	private static ItemRule words(@Nullable RuleField field, String words) {
		return new ItemRule(((field != null) ? field.key() + ": " : "") + words, field, words, null);
	}

	private static ItemRule pattern(@Nullable RuleField field, String pattern) {
		return new ItemRule(((field != null) ? field.key() + ": " : "") + "re:" + pattern, field, null,
				Pattern.compile(pattern));
	}

	static Item item(String title, String summary, String link, List<String> categories, @Nullable String author,
			@Nullable String language) {
		return new Item(null, title, URI.create(link), summary, summary, Instant.parse("2025-05-16T19:00:00Z"), true,
				categories, author, language);
	}

}
