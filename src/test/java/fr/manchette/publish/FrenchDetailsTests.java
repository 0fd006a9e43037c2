package fr.manchette.publish;

import java.util.List;
import java.util.stream.Stream;

import fr.manchette.fetch.FailureDetail;
import fr.manchette.fetch.FetchDetail;
import fr.manchette.parse.ParseDetail;
import fr.manchette.pipeline.PollDetail;
import fr.manchette.store.PollOutcome;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FrenchDetailsTests {

	/** Every form a stage words its failures with: a new one fails here until the page has its French. */
	private static final List<FailureDetail> EVERY_FORM = Stream
		.of(FetchDetail.values(), ParseDetail.values(), PollDetail.values())
		.flatMap(Stream::of)
		.map(FailureDetail.class::cast)
		.toList();

	@Test
	void everyOutcomeHasItsFrenchName() {
		assertThat(SourcesPage.OUTCOMES).containsOnlyKeys(PollOutcome.values());
	}

	@Test
	void everyDetailAStageWritesIsReadBackAsItsOwnFormAndSaidInFrench() {
		assertThat(EVERY_FORM).allSatisfy((form) -> {
			// The first blank holds a detail of its own in one form (the heap's hint after the fetch's detail).
			String detail = form.with("HTTP 500", "v1", "v2", "v3");
			assertThat(FrenchDetails.formOf(detail)).as(form.form()).isEqualTo(form);
			assertThat(FrenchDetails.of(detail)).as(form.form()).isNotEqualTo(detail).doesNotContain("non traduit");
		});
	}

	@Test
	void keepsTheBlanksOfADetailAndQuotesWhatOthersSaid() {
		assertThat(FrenchDetails.of("HTTP 404")).isEqualTo("réponse HTTP 404 (page introuvable)");
		assertThat(FrenchDetails.of("HTTP 418")).isEqualTo("réponse HTTP 418");
		assertThat(FrenchDetails.of("HTTP 410 Gone")).isEqualTo("HTTP 410 : le flux a disparu pour de bon");
		assertThat(FrenchDetails.of("HTTP 302 without Location")).isEqualTo("redirection HTTP 302 sans en-tête Location");
		assertThat(FrenchDetails.of("unknown host flux.example")).isEqualTo("nom d’hôte inconnu (DNS) : flux.example");
		assertThat(FrenchDetails.of("redirect to internal address intranet (10.0.0.5) refused"))
			.isEqualTo("redirection vers l’adresse interne intranet (10.0.0.5) refusée");
		assertThat(FrenchDetails.of("link to internal address intranet (10.0.0.5) refused"))
			.isEqualTo("lien vers l’adresse interne intranet (10.0.0.5) refusé");
		assertThat(FrenchDetails.of("not well-formed XML: Error on line 3: The element type \"item\" must be terminated."))
			.isEqualTo("XML mal formé : «\u00A0Error on line 3: The element type \"item\" must be terminated.\u00A0»");
		assertThat(FrenchDetails.of("selector `a` (title) matched nothing in the 12 items of `ul.fil > li`"))
			.isEqualTo("le sélecteur `a` (titre) ne trouve rien dans les 12 éléments de `ul.fil > li`");
	}

	@Test
	void saysTheFetchsDetailInFrenchWithinTheHeapsHint() {
		String detail = PollDetail.HEAP_TOO_SMALL.with(FetchDetail.TOO_LARGE.with(11744051), "60.0", "11.2", 20);

		assertThat(FrenchDetails.of(detail))
			.isEqualTo("le contenu dépasse 11744051 octets (poll.max-size vaut 60,0\u00A0Mo, "
				+ "mais ce tas ne garde que des contenus de 11,2\u00A0Mo au plus : donnez à la JVM 20 fois le plus gros "
				+ "contenu avec -Xmx)");
	}

	@Test
	void showsADetailOfNoKnownFormAsItCameMarkedSo() {
		assertThat(FrenchDetails.formOf("IllegalStateException: no store")).isNull();
		assertThat(FrenchDetails.of("IllegalStateException: no store"))
			.isEqualTo("détail non traduit : «\u00A0IllegalStateException: no store\u00A0»");
	}

}
