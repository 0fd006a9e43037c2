package fr.manchette.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class InstantJsonTests {

	private static final long FIRST = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();

	private static final long END = Instant.parse("+10000-01-01T00:00:00Z").getEpochSecond();

	@Test
	void writesWhatInstantToStringWritesToTheSecond() {
		SplittableRandom random = new SplittableRandom(20261205);
		for (int i = 0; i < 500_000; i++) {
			// Whole seconds, milliseconds (a date of the store), microseconds, nanoseconds (the clock's): all to the second.
			int nano = switch (i % 4) {
				case 0 -> 0;
				case 1 -> random.nextInt(1_000) * 1_000_000;
				case 2 -> random.nextInt(1_000_000) * 1_000;
				default -> random.nextInt(1_000_000_000);
			};
			Instant instant = Instant.ofEpochSecond(random.nextLong(FIRST - 86_400, END + 86_400), nano);
			assertThat(InstantJson.format(instant)).isEqualTo(instant.truncatedTo(ChronoUnit.SECONDS).toString());
		}
	}

	@Test
	void writesTheEdgesOfDaysYearsAndCenturiesAsInstantToStringDoes() {
		for (int year : new int[] { 1, 2, 4, 99, 100, 399, 400, 1582, 1899, 1900, 1969, 1970, 1999, 2000, 2024, 2026,
				2100, 2400, 9999 }) {
			for (String moment : new String[] { "-01-01T00:00:00", "-02-28T23:59:59", "-03-01T00:00:00",
					"-12-31T23:59:59" }) {
				LocalDateTime local = LocalDateTime.parse("%04d%s".formatted(year, moment));
				Instant instant = local.toInstant(ZoneOffset.UTC);
				assertThat(InstantJson.format(instant)).isEqualTo(instant.toString());
				assertThat(InstantJson.format(instant.minusNanos(1))).isEqualTo(instant.minusSeconds(1).toString());
			}
		}
		for (Instant far : new Instant[] { Instant.MIN, Instant.MAX, Instant.ofEpochSecond(FIRST - 1),
				Instant.ofEpochSecond(END), Instant.EPOCH, Instant.parse("2026-12-05T07:07:40.011549Z") }) {
			assertThat(InstantJson.format(far)).isEqualTo(far.truncatedTo(ChronoUnit.SECONDS).toString());
		}
	}

	@Test
	void aMapperWithTheModuleWritesInstantsAsStrings() {
		JsonMapper json = JsonMapper.builder().addModule(InstantJson.module()).build();
		Instant instant = Instant.parse("2026-12-05T07:07:40.011549Z");

		assertThat(json.writeValueAsString(new Polled(instant, null)))
			.isEqualTo("{\"at\":\"2026-12-05T07:07:40Z\",\"next\":null}");
	}

	record Polled(Instant at, Instant next) {
	}

}
