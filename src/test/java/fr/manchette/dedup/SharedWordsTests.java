package fr.manchette.dedup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

class SharedWordsTests {

	@Test
	void aWordReadAgainIsTheInstanceReadBefore() {
		String first = SharedWords.of(new String("souveraineté"));

		assertThat(SharedWords.of(new String("souveraineté"))).isSameAs(first);
	}

	@Test
	void theStartOfATextIsTheInstanceOfThatWord() {
		String word = SharedWords.of(new String("hausse"));

		assertThat(SharedWords.of("hausses", 6)).isSameAs(word);
		assertThat(SharedWords.of("baisses", 6)).isEqualTo("baisse");
		assertThat(SharedWords.of(new String("baisse"))).isSameAs(SharedWords.of("baisses", 6));
		assertThat(SharedWords.of("récoltées", 7)).isEqualTo("récolté");
	}

	/** Two words of one place take turns: each is still given back as itself, only no longer shared. */
	@Test
	void twoWordsOfOnePlaceAreEachGivenBackAsThemselves() {
		String word = "pluie";
		String other = null;
		for (int i = 0; other == null; i++) {
			String candidate = "mot" + i;
			if (place(candidate) == place(word)) {
				other = candidate;
			}
		}

		assertThat(SharedWords.of(new String(word))).isEqualTo(word);
		assertThat(SharedWords.of(new String(other))).isEqualTo(other);
		String again = new String(word);
		// Its place was taken: this instance takes it back.
		assertThat(SharedWords.of(again)).isSameAs(again);
	}

	@Test
	void twoKeysShareTheWordsTheyHaveInCommon() {
		TitleKey a = TitleKey.of("Le Maroc accueille la Coupe d'Afrique des nations 2025");
		TitleKey b = TitleKey.of(new String("Coupe d'Afrique 2025 : le Maroc prêt à accueillir les nations"));

		for (String word : List.of("maroc", "coup", "afriqu", "2025")) {
			assertThat(b.words().get(b.words().indexOf(word))).as(word)
				.isSameAs(a.words().get(a.words().indexOf(word)));
		}
		assertThat(b.surface().get(b.surface().indexOf("maroc"))).isSameAs(a.surface().get(a.surface().indexOf("maroc")));
	}

	/** Shared words change nothing of a key: the labelled headlines read twice give equal keys, word for word. */
	@Test
	void keysReadAgainAreEqual() throws IOException {
		List<String> titles = new ArrayList<>();
		String text = new ClassPathResource("labelled-pairs.tsv", SharedWordsTests.class)
			.getContentAsString(StandardCharsets.UTF_8);
		for (String line : text.split("\n")) {
			String[] fields = line.split("\t");
			if (!line.startsWith("#") && fields.length == 8 && !fields[0].equals("label")) {
				titles.add(fields[4]);
				titles.add(fields[7]);
			}
		}
		assertThat(titles).hasSizeGreaterThan(300);
		List<TitleKey> first = titles.stream().map(TitleKey::of).toList();
		for (int i = 0; i < titles.size(); i++) {
			TitleKey again = TitleKey.of(new String(titles.get(i).toCharArray()));
			assertThat(again).isEqualTo(first.get(i));
			assertThat(again.distinctWords()).isEqualTo(again.wordSet().size());
		}
	}

	private static int place(String word) {
		return BandPostings.mix(word.hashCode()) & (SharedWords.SIZE - 1);
	}

}
