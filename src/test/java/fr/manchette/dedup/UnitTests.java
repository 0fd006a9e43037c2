package fr.manchette.dedup;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnitTests {

	@Test
	void namesAndSpellingsAndSensesAreOneUnitEach() {
		List<Unit> a = Unit.of(TitleKey.of("Walid Regragui dévoile la liste des Lions de l'Atlas face au Bénin"));
		List<Unit> b = Unit.of(TitleKey.of("Regragui annonce sa liste marocaine avant le Bénin"));
		// « Regragui » of « Walid Regragui », « liste », « Bénin ».
		assertThat(Unit.overlap(a, b).units()).isEqualTo(3);
	}

	/**
	 * The overlap tells pairs apart by their hashes and first letters before comparing them: on pairs of the labelled
	 * headlines (their whole units, their rubrics and their bodies, both ways), the answers of comparing every pair.
	 */
	@Test
	void theOverlapIsThatOfComparingEveryPair() throws IOException {
		List<MatchedHeadline> headlines = new ArrayList<>();
		for (String file : List.of("labelled-pairs.tsv", "fresh-pairs.tsv", "formulaic-pairs.tsv")) {
			for (String title : PairedHeadlines.of(file)) {
				headlines.add(new MatchedHeadline(TitleKey.of(title)));
			}
		}
		assertThat(headlines).hasSizeGreaterThan(500);
		int compared = 0;
		for (int i = 0; i < headlines.size(); i++) {
			// Each with the next few: its labelled partner, and the pairs about the same topics written near it.
			for (int j = i; j < Math.min(headlines.size(), i + 12); j++) {
				MatchedHeadline x = headlines.get((j % 2 == 0) ? i : j);
				MatchedHeadline y = headlines.get((j % 2 == 0) ? j : i);
				assertThat(Unit.overlap(x.units(), y.units())).as(x.key() + " / " + y.key())
					.isEqualTo(everyPair(x.units(), y.units()));
				if (x.rubric() != null && y.rubric() != null) {
					assertThat(Unit.overlap(x.rubric(), y.rubric())).isEqualTo(everyPair(x.rubric(), y.rubric()));
					assertThat(Unit.overlap(x.body(), y.body())).isEqualTo(everyPair(x.body(), y.body()));
				}
				compared++;
			}
		}
		assertThat(compared).isGreaterThan(10_000);
	}

	/**
	 * A headline of more than 64 units (a text given as a title) is compared as the others, its units marked in
	 * arrays instead of bit sets: the answers of comparing every pair, about the 64th unit too.
	 */
	@Test
	void headlinesOfMoreThanSixtyFourUnitsOverlapAsTheOthers() throws IOException {
		List<String> titles = PairedHeadlines.of("labelled-pairs.tsv");
		int compared = 0;
		for (int count = 2; count < 40; count += 2) {
			// The first headlines of pairs, and the second ones of the same pairs and the next: alike, each in part.
			MatchedHeadline x = joined(titles, 0, count);
			MatchedHeadline y = joined(titles, 1, count + 2);
			for (MatchedHeadline other : List.of(y, joined(titles, 7, 2))) {
				assertThat(Unit.overlap(x.units(), other.units())).isEqualTo(everyPair(x.units(), other.units()));
				assertThat(Unit.overlap(other.units(), x.units())).isEqualTo(everyPair(other.units(), x.units()));
			}
			compared += (x.units().size() > Long.SIZE) ? 1 : 0;
		}
		assertThat(compared).isGreaterThan(5);
	}

	/** Every other headline from {@code first} on, {@code count} of them, as one title. */
	private static MatchedHeadline joined(List<String> titles, int first, int count) {
		List<String> joined = new ArrayList<>();
		for (int i = first; joined.size() < count; i += 2) {
			joined.add(titles.get(i));
		}
		return new MatchedHeadline(TitleKey.of(String.join(" ; ", joined)));
	}

	/**
	 * The units of a headline are looked for in arrays, not sets: on the labelled, fresh and formulaic headlines
	 * (their whole keys, their rubrics and their bodies), the units the sets gave.
	 */
	@Test
	void theUnitsAreThoseOfSets() throws IOException {
		int headlines = 0;
		int figures = 0;
		for (String file : List.of("labelled-pairs.tsv", "fresh-pairs.tsv", "formulaic-pairs.tsv")) {
			for (String title : PairedHeadlines.of(file)) {
				TitleKey key = TitleKey.of(title);
				List<TitleKey> keys = (key.rubric() > 0) ? List.of(key, key.rubricOnly(), key.body()) : List.of(key);
				for (TitleKey part : keys) {
					List<Unit> units = Unit.of(part);
					assertThat(units).as(title).isEqualTo(withSets(part));
					figures += (int) units.stream().filter(Unit::figure).count();
				}
				headlines++;
			}
		}
		assertThat(headlines).isGreaterThan(500);
		assertThat(figures).isGreaterThan(100);
	}

	/** The units of a headline as first written, with sets. */
	private static List<Unit> withSets(TitleKey key) {
		List<Unit> units = new ArrayList<>();
		Set<String> inNames = new HashSet<>();
		if (key.names() != null) {
			for (List<String> name : key.names()) {
				if (!name.isEmpty() && units.stream().noneMatch((unit) -> unit.words().equals(name))) {
					units.add(new Unit(name, true, List.of(), key.bound(), false));
					inNames.addAll(name);
				}
			}
		}
		Set<String> figures = new HashSet<>();
		for (int i = 0; i < key.words().size(); i++) {
			String word = key.words().get(i);
			String before = (i > 0) ? key.words().get(i - 1) : "";
			if (FrenchWords.hasDigit(word) || (figures.contains(before) && !before.endsWith("%")
					&& FrenchWords.AMOUNTS.contains(word))) {
				figures.add(word);
			}
		}
		for (String word : new LinkedHashSet<>(key.words())) {
			if (!inNames.contains(word)) {
				units.add(new Unit(List.of(word), false, Senses.of(word), Set.of(), figures.contains(word)));
			}
		}
		return units;
	}

	/** The overlap as first written: every pair asked {@link Unit#same}, then {@link Unit#like}. */
	private static Unit.Overlap everyPair(List<Unit> a, List<Unit> b) {
		boolean[] usedA = new boolean[a.size()];
		boolean[] usedB = new boolean[b.size()];
		int shared = 0;
		int words = 0;
		for (int pass = 0; pass < 2; pass++) {
			for (int i = 0; i < a.size(); i++) {
				for (int j = 0; j < b.size() && !usedA[i]; j++) {
					if (!usedB[j] && ((pass == 0) ? a.get(i).same(b.get(j)) : a.get(i).like(b.get(j)))) {
						usedA[i] = true;
						usedB[j] = true;
						shared++;
						words += (a.get(i).figure() && b.get(j).figure()) ? 0 : 1;
					}
				}
			}
		}
		return new Unit.Overlap(shared, words);
	}

}
