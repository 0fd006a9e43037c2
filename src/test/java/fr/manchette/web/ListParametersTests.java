package fr.manchette.web;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import fr.manchette.config.FeedsFile;
import fr.manchette.config.Source;
import fr.manchette.store.ItemQuery;
import fr.manchette.support.FeedsFiles;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ListParametersTests {

	private final FeedsFile config = FeedsFiles.inZone("Africa/Casablanca");

	@Test
	void sinceWithoutAnOffsetIsInTheConfiguredZone() {
		assertThat(since("2025-05-16")).isEqualTo(Instant.parse("2025-05-15T23:00:00Z"));
		assertThat(since("2025-05-16T19:35")).isEqualTo(Instant.parse("2025-05-16T18:35:00Z"));
	}

	@Test
	void sinceWithAnOffsetIsThatMoment() {
		assertThat(since("2025-05-16T19:35:00+01:00")).isEqualTo(Instant.parse("2025-05-16T18:35:00Z"));
		assertThat(since("2025-05-16T19:35:00-04:00")).isEqualTo(Instant.parse("2025-05-16T23:35:00Z"));
		assertThat(since("2025-05-16T18:35:00Z")).isEqualTo(Instant.parse("2025-05-16T18:35:00Z"));
	}

	@Test
	void sinceWithAnOffsetTypedInAnAddressAsIsReadThoughItsPlusBecameASpace() {
		// ?since=2025-05-16T19:35:00+01:00 typed as the README shows it: the query string's '+' decodes to a space.
		assertThat(since("2025-05-16T19:35:00 01:00")).isEqualTo(Instant.parse("2025-05-16T18:35:00Z"));
		assertThat(since("2025-05-16T19:35 01:00")).isEqualTo(Instant.parse("2025-05-16T18:35:00Z"));
	}

	@Test
	void sinceWithAnOffsetOfHoursAloneIsThatMoment() {
		assertThat(since("2025-05-16T19:35:00+01")).isEqualTo(Instant.parse("2025-05-16T18:35:00Z"));
		assertThat(since("2025-05-16T19:35-04")).isEqualTo(Instant.parse("2025-05-16T23:35:00Z"));
		assertThat(since("2025-05-16T19:35:00 01")).isEqualTo(Instant.parse("2025-05-16T18:35:00Z"));
	}

	@Test
	void sinceWithAnOffsetWithoutItsColonIsThatMoment() {
		assertThat(since("2025-05-16T19:35:00+0100")).isEqualTo(Instant.parse("2025-05-16T18:35:00Z"));
		assertThat(since("2025-05-16T19:35:00 0100")).isEqualTo(Instant.parse("2025-05-16T18:35:00Z"));
	}

	@Test
	void sinceMayWriteItsTAndZInLowerCaseAsRfc3339Allows() {
		assertThat(since("2025-05-16t18:35:00z")).isEqualTo(Instant.parse("2025-05-16T18:35:00Z"));
		assertThat(since("2025-05-16t19:35")).isEqualTo(Instant.parse("2025-05-16T18:35:00Z"));
	}

	@Test
	void anythingElseIsABadSince() {
		for (String value : List.of("hier", "2025-05-16 19:35", "2025-05-16T19:35:00 1", "2025-05-16T25:00",
				"2025-05-16T19:35:00+25:00")) {
			assertThatExceptionOfType(BadQueryException.class).as(value)
				.isThrownBy(() -> since(value))
				.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("since"));
		}
	}

	@Test
	void aSinceBeyondYearsOfFourDigitsIsABadSince() {
		for (String value : List.of("+999999999-12-31T23:59:59-18:00", "+999999999-12-31T23:59", "+10000-01-01T00:00Z",
				"-0001-12-31T00:00Z")) {
			assertThatExceptionOfType(BadQueryException.class).as(value)
				.isThrownBy(() -> since(value))
				.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("since"));
		}
		assertThat(since("0001-01-01T00:00Z")).isEqualTo(Instant.parse("0001-01-01T00:00:00Z"));
		assertThat(since("9999-12-31T23:59:59+01:00")).isEqualTo(Instant.parse("9999-12-31T22:59:59Z"));
	}

	/**
	 * Years 1 to 9999 in feeds.yml's zone or the offset said, not in UTC: the year 1 begins before UTC's in Paris, and
	 * 9999 ends after it at -18:00. Nothing is dated that far: such a since lists everything, or nothing.
	 */
	@Test
	void aSinceOfTheYears1To9999IsReadInItsOwnZone() {
		FeedsFile paris = FeedsFiles.inZone("Europe/Paris");

		assertThat(since(paris, "0001-01-01")).isEqualTo(Instant.parse("0001-01-01T00:00:00Z"));
		assertThat(since(paris, "0001-01-01T00:05")).isEqualTo(Instant.parse("0001-01-01T00:00:00Z"));
		assertThat(since(paris, "9999-12-31T23:59:59-18:00")).isEqualTo(Instant.parse("9999-12-31T23:59:59Z"));
		assertThatExceptionOfType(BadQueryException.class).isThrownBy(() -> since(paris, "0000-12-31T23:00-05:00"));
	}

	/** As a feed's date without a zone: an hour the clocks skip or repeat is read as java.time reads it. */
	@Test
	void aSinceInAnHourTheClocksSkipOrRepeatIsReadAsJavaTimeReadsIt() {
		FeedsFile paris = FeedsFiles.inZone("Europe/Paris");

		assertThat(since(paris, "2026-03-29T02:30")).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
		assertThat(since(paris, "2026-10-25T02:30")).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
		assertThat(since(this.config, "2026-03-22T02:30")).isEqualTo(Instant.parse("2026-03-22T02:30:00Z"));
		assertThat(since(this.config, "2026-02-15T02:30")).isEqualTo(Instant.parse("2026-02-15T01:30:00Z"));
	}

	@Test
	void anUnknownCategoryIsABadQueryAsAnUnknownSourceIs() {
		FeedsFile file = FeedsFiles.inZone("Africa/Casablanca", source("hespress-fr", "sport"), source("le360", "Sport"),
				source("medias24", null));
		MultiValueMap<String, String> params = new LinkedMultiValueMap<>();

		params.set("category", "SPORT");
		assertThat(ListParameters.parse(params, file, Set.of()).sources()).containsExactlyInAnyOrder("hespress-fr", "le360");
		params.set("source", "medias24");
		assertThat(ListParameters.parse(params, file, Set.of()).sources()).isEmpty();
		params.remove("source");
		params.set("category", "sprot");
		assertThatExceptionOfType(BadQueryException.class).isThrownBy(() -> ListParameters.parse(params, file, Set.of()))
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("category"))
			.withMessage("unknown category \"sprot\"; known: sport");
		params.set("category", "");
		assertThat(ListParameters.parse(params, file, Set.of()).sources()).isNull();
		// Read as every other parameter is, without the spaces around it (a value pasted with its blank).
		params.set("category", " sport ");
		assertThat(ListParameters.parse(params, file, Set.of()).sources()).containsExactlyInAnyOrder("hespress-fr", "le360");
	}

	@Test
	void limitIsFiftyByDefaultAndFromOneToFiveHundred() {
		assertThat(ListParameters.parse(params(), this.config, Set.of()).limit()).isEqualTo(50);
		assertThat(ListParameters.parse(params("limit", "1"), this.config, Set.of()).limit()).isEqualTo(1);
		assertThat(ListParameters.parse(params("limit", "500"), this.config, Set.of()).limit()).isEqualTo(500);
		for (String value : List.of("0", "501", "-1", "abc", "5.5")) {
			assertThatExceptionOfType(BadQueryException.class).as(value)
				.isThrownBy(() -> ListParameters.parse(params("limit", value), this.config, Set.of()))
				.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("limit"));
		}
	}

	@Test
	void langIsRepeatableOrCommaSeparatedIso639Codes() {
		assertThat(ListParameters.parse(params("lang", "fr,ar"), this.config, Set.of()).languages())
			.containsExactlyInAnyOrder("fr", "ar");
		assertThat(ListParameters.parse(params("lang", "fr", "lang", "AR"), this.config, Set.of()).languages())
			.containsExactlyInAnyOrder("fr", "ar");
		assertThatExceptionOfType(BadQueryException.class)
			.isThrownBy(() -> ListParameters.parse(params("lang", "français"), this.config, Set.of()))
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("lang"));
	}

	@Test
	void aThreeLetterCodeIsTheTwoLetterOneItemsAreStoredUnder() {
		assertThat(ListParameters.parse(params("lang", "fra,ARA", "lang", "fre", "lang", "kab"), this.config, Set.of()).languages())
			.containsExactlyInAnyOrder("fr", "ar", "kab");
	}

	@Test
	void aLanguageTagIsTheLanguageItNames() {
		assertThat(ListParameters.parse(params("lang", "fr-FR,ar_MA", "lang", "FR-be"), this.config, Set.of()).languages())
			.containsExactlyInAnyOrder("fr", "ar");
		for (String value : List.of("fr-", "-fr", "fr--FR", "fr-subtagtoolong")) {
			assertThatExceptionOfType(BadQueryException.class).as(value)
				.isThrownBy(() -> ListParameters.parse(params("lang", value), this.config, Set.of()))
				.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("lang"));
		}
	}

	@Test
	void anEmptyValueAsAFormSendsItFiltersNothing() {
		FeedsFile file = FeedsFiles.inZone("Africa/Casablanca", source("hespress-fr", "sport"));
		MultiValueMap<String, String> params = params("source", "", "category", "", "q", "", "since", "", "limit", "",
				"lang", "", "order", "");

		assertThat(ListParameters.parse(params, file, Set.of()))
			.isEqualTo(new ItemQuery(null, null, null, ItemQuery.DEFAULT_LIMIT, null, null));
		assertThat(ListParameters.une(params)).isFalse();
	}

	private static MultiValueMap<String, String> params(String... namesAndValues) {
		MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			params.add(namesAndValues[i], namesAndValues[i + 1]);
		}
		return params;
	}

	private static Source source(String id, @Nullable String category) {
		return FeedsFiles.source(id, id, category);
	}

	private Instant since(String value) {
		return since(this.config, value);
	}

	private static Instant since(FeedsFile config, String value) {
		MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
		params.add("since", value);
		return ListParameters.parse(params, config, Set.of()).since();
	}

}
