package fr.manchette.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** {@code drop}, {@code keep} and {@code languages} of feeds.yml, as {@link FeedsFileLoader} binds and checks them. */
class EditorialRulesTests {

	private final FeedsFileLoader loader = new FeedsFileLoader();

	@TempDir
	Path temp;

	@Test
	void bindsEveryFormFileWideAndPerSource() throws IOException {
		FeedsFile file = this.loader.load(new ClassPathResource("rules.yml", getClass()).getFile().toPath());
		EditorialRules top = file.rules();
		assertThat(top.drop()).extracting(ItemRule::text)
			.containsExactly("publireportage", "title: re:^Horoscope", "link: /partenaires/");
		assertThat(top.drop().get(0).field()).isNull();
		assertThat(top.drop().get(0).words()).isEqualTo("publireportage");
		assertThat(top.drop().get(1).field()).isEqualTo(RuleField.TITLE);
		assertThat(top.drop().get(1).pattern().pattern()).isEqualTo("^Horoscope");
		assertThat(top.drop().get(2).words()).isEqualTo("/partenaires/");
		assertThat(top.keep()).singleElement().extracting(ItemRule::field).isEqualTo(RuleField.CATEGORY);
		assertThat(top.languages()).containsExactly("fr");
		EditorialRules le360 = file.source("le360").orElseThrow().rules();
		assertThat(le360.drop()).extracting(ItemRule::text)
			.containsExactly("author: re:(?i)rédaction partenaire", "summary: contenu sponsorisé");
		assertThat(le360.languages()).as("codes are lower-cased").containsExactly("fr", "ar");
		assertThat(file.source("hespress-fr").orElseThrow().rules()).isEqualTo(EditorialRules.NONE);
	}

	@Test
	void aFileWithoutRulesHasNone() throws IOException {
		FeedsFile file = this.loader.load(new ClassPathResource("minimal.yml", getClass()).getFile().toPath());
		assertThat(file.rules()).isEqualTo(EditorialRules.NONE);
		assertThat(file.feeds()).allSatisfy((source) -> assertThat(source.rules().isEmpty()).isTrue());
	}

	@Test
	void everyMistakeNamesWhereItIsAndTheRule() throws IOException {
		assertThat(problems(new ClassPathResource("rules-mistakes.yml", getClass()).getFile().toPath()))
			.containsExactly(
					"drop[0] \"title: re:(unclosed\": not a valid RE2 pattern (missing closing )); RE2 has no "
							+ "backreferences nor lookaround",
					"drop[1] \"headline: publireportage\": unknown field \"headline\" (allowed: title, summary, link, "
							+ "category, author)",
					"keep must be a list of rules, each a line starting with \"- \" (found text \"sport\")",
					"languages: \"francais\" is not an ISO 639 language code (e.g. fr, ar, en, es, zgh)",
					"languages: false is not a language code (YAML reads no, yes, on and off without quotes as false or "
							+ "true: write \"no\" for Norwegian)",
					"feeds[0] (id \"le360\"): drop[0] \"re:a\\1\": not a valid RE2 pattern (invalid escape sequence); RE2 "
							+ "has no backreferences nor lookaround",
					"feeds[0] (id \"le360\"): drop[1] \"title: !!!\": has no words (write words, or re: and a pattern)",
					"feeds[0] (id \"le360\"): drop[2] must be words (e.g. publireportage) or one field and its words or "
							+ "pattern (e.g. title: \"re:^Horoscope\"; fields: title, summary, link, category, author) "
							+ "(found a mapping with 2 keys)",
					"feeds[0] (id \"le360\"): drop[3] \"link: re:\": the pattern after re: is empty",
					"feeds[0] (id \"le360\"): keep[0] \"category: [sport]\": category must be words or re: and a "
							+ "pattern (found a list)");
	}

	@Test
	void languagesAreReadAsItemsAreStoredAndFiltered() throws IOException {
		Path file = Files.writeString(this.temp.resolve("feeds.yml"), """
				languages: [fr-FR, FRA, fre, "no"]
				feeds:
				  - id: hespress-amazigh
				    name: Hespress Amazigh
				    url: https://hespress.example/amazigh/feed
				    languages: [zgh, ar_MA, kab]
				""");
		FeedsFile feeds = this.loader.load(file);
		assertThat(feeds.rules().languages()).containsExactly("fr", "no");
		assertThat(feeds.feeds().get(0).rules().languages()).containsExactly("zgh", "ar", "kab");
	}

	@Test
	void aPatternWhoseRepetitionsExpandPastTenThousandIsRefusedBeforeCompiling() throws IOException {
		// RE2/J writes out every counted repetition when it compiles: (((a{1000}){1000}){1000}){1000} fills any heap.
		Path file = Files.writeString(this.temp.resolve("feeds.yml"), """
				drop:
				  - title: "re:((a{100}){100}){10}"
				  - summary: 're:(?i)(\\p{L}[^\\]{}]{1,}){3,}x{1000}'
				  - "re:(x{10,}y{2,20}z{3}){500}"
				feeds:
				  - id: le360
				    name: Le360
				    url: https://fr.le360.ma/rss
				    keep:
				      - "re:(a{100}){100}"
				""");
		assertThat(problems(file)).containsExactly(
				"drop[0] \"title: re:((a{100}){100}){10}\": too large once its repetitions are written out (more than "
						+ "10000 characters to match; (a{100}){100} is 10000)",
				"drop[2] \"re:(x{10,}y{2,20}z{3}){500}\": too large once its repetitions are written out (more than "
						+ "10000 characters to match; (a{100}){100} is 10000)");
	}

	@Test
	void aBadPatternIsRefusedOnReloadWithTheSameMessage() throws IOException {
		Path file = Files.writeString(this.temp.resolve("feeds.yml"), """
				feeds:
				  - id: le360
				    name: Le360
				    url: https://fr.le360.ma/rss
				    drop:
				      - title: "re:(?=x)"
				""");
		assertThatExceptionOfType(InvalidFeedsFileException.class).isThrownBy(() -> this.loader.load(file))
			.withMessageContaining("feeds[0] (id \"le360\"): drop[0] \"title: re:(?=x)\": not a valid RE2 pattern");
	}

	private List<String> problems(Path path) {
		return assertThatExceptionOfType(InvalidFeedsFileException.class).isThrownBy(() -> this.loader.load(path))
			.actual()
			.problems();
	}

}
