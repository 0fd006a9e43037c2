package fr.manchette.dedup;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class LinkVariantsTests {

	@ParameterizedTest
	@CsvSource({ "article.amp, article", "article.AMP, article", "article.amp.html, article.html",
			"article.Amp.HTM, article.HTM", ".amp, ''", "article.html, article.html", "article.ampoule, article.ampoule",
			"amp.html, amp.html", "x.amp.amp, x.amp", "article.amp.php, article.amp.php", "camp, camp" })
	void aFinalAmpSuffixIsTakenOut(String segment, String folded) {
		assertThat(LinkVariants.withoutAmpSuffix(segment)).isEqualTo(folded);
	}

	/** The regex that the hand-written fold replaced, as the oracle on segments made of the pieces that matter. */
	@Test
	void foldsAsTheRegexItReplaced() {
		List<String> pieces = List.of(".amp", ".AMP", ".html", ".htm", ".HtMl", "amp", "a", ".", "h", "tml", "-");
		Random random = new Random(11);
		List<String> segments = new ArrayList<>();
		for (int i = 0; i < 50_000; i++) {
			StringBuilder segment = new StringBuilder();
			for (int n = random.nextInt(5); n >= 0; n--) {
				segment.append(pieces.get(random.nextInt(pieces.size())));
			}
			segments.add(segment.toString());
		}
		for (String segment : segments) {
			assertThat(LinkVariants.withoutAmpSuffix(segment)).as(segment)
				.isEqualTo(segment.replaceAll("(?i)\\.amp(\\.html?)?$", "$1"));
		}
	}

}
