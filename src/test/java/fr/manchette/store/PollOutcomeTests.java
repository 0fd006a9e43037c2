package fr.manchette.store;

import java.util.Arrays;
import java.util.stream.Stream;

import fr.manchette.fetch.FailureKind;
import fr.manchette.parse.ParseFailureKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The outcomes keep the names of the stages' failure kinds, which /api/sources shows and source_status keeps. */
class PollOutcomeTests {

	@Test
	void eachFetchFailureIsTheOutcomeOfTheSameName() {
		for (FailureKind kind : FailureKind.values()) {
			assertThat(PollOutcome.of(kind).name()).isEqualTo(kind.name());
			assertThat(PollOutcome.of(kind).failure()).as(kind.name()).isTrue();
		}
	}

	@Test
	void eachParseFailureIsTheOutcomeOfTheSameName() {
		for (ParseFailureKind kind : ParseFailureKind.values()) {
			assertThat(PollOutcome.of(kind).name()).isEqualTo(kind.name());
			assertThat(PollOutcome.of(kind).failure()).as(kind.name()).isTrue();
		}
	}

	@Test
	void everyFailureIsAKindOfTheStageWhereItArises() {
		Stream<String> kinds = Stream.concat(Arrays.stream(FailureKind.values()),
				Arrays.stream(ParseFailureKind.values()))
			.map(Enum::name);
		assertThat(Arrays.stream(PollOutcome.values()).filter(PollOutcome::failure).map(PollOutcome::name))
			.containsExactlyInAnyOrderElementsOf(kinds.toList());
	}

	@Test
	void theColumnKeepsTheNameAndNothingBeforeTheFirstPoll() {
		for (PollOutcome outcome : PollOutcome.values()) {
			assertThat(PollOutcome.stored(outcome.storedName())).isEqualTo(outcome);
		}
		assertThat(PollOutcome.PENDING.storedName()).isNull();
		assertThat(PollOutcome.GONE.storedName()).isEqualTo("GONE");
	}

	@Test
	void aNameThisVersionDoesNotKnowReadsAsUnexpected() {
		assertThat(PollOutcome.stored("SOMETHING_NEWER")).isEqualTo(PollOutcome.UNEXPECTED);
	}

}
