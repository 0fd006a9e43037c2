package fr.manchette.dedup;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WordUnitsTests {

	/** « hausse » as headlines are read: a word with a sense (its opposite is « baisse »). */
	private static final String HAUSSE = FrenchWords.stem("hausse");

	private final WordUnits units = new WordUnits();

	@Test
	void aWordHasOneUnitAndAFigureAnother() {
		Unit word = this.units.of(HAUSSE, false);

		assertThat(this.units.of(new String(HAUSSE), false)).isSameAs(word);
		Unit figure = this.units.of(HAUSSE, true);
		assertThat(figure.figure()).isTrue();
		assertThat(word.figure()).isFalse();
		assertThat(this.units.of(HAUSSE, true)).isSameAs(figure);
	}

	@Test
	void aUnitOfOneWordHasTheWordsSenses() {
		Unit unit = this.units.of(HAUSSE, false);

		assertThat(unit.words()).containsExactly(HAUSSE);
		assertThat(unit.name()).isFalse();
		assertThat(unit.senses()).isEqualTo(Senses.of(HAUSSE)).isNotEmpty();
		assertThat(unit.bound()).isEmpty();
	}

	/**
	 * The units of the labelled headlines taken from one table of shared units, the same for every headline: equal,
	 * one by one, to those each headline works out on its own; and among them, one instance for a word's units.
	 */
	@Test
	void sharedUnitsAreTheUnitsEachHeadlineWorksOut() throws IOException {
		int headlines = 0;
		int shared = 0;
		for (String title : PairedHeadlines.of("labelled-pairs.tsv")) {
			TitleKey key = TitleKey.of(title);
			MatchedHeadline kept = new MatchedHeadline(key, this.units);
			MatchedHeadline own = new MatchedHeadline(key);
			assertThat(kept.units()).as(title).isEqualTo(own.units());
			assertThat(kept.rubric()).as(title).isEqualTo(own.rubric());
			assertThat(kept.body()).as(title).isEqualTo(own.body());
			for (Unit unit : kept.units()) {
				if (!unit.name() && unit == this.units.of(unit.words().get(0), unit.figure())) {
					shared++;
				}
			}
			headlines++;
		}
		assertThat(headlines).isGreaterThan(300);
		assertThat(shared).isGreaterThan(headlines * 3);
	}

}
