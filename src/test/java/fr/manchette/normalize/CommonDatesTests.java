package fr.manchette.normalize;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CommonDatesTests {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private static final List<String> DAY_NAMES = List.of("Fri", "fri", "FRI", "Mon", "Tue", "Wed", "Thu", "Sat",
			"Sun", "Ven", "mer", "Mar", "Fry", "Dec", "Gmt", "Cet", "Fr", "Frid", "Fr1", "");

	private static final List<String> MONTHS = List.of("Dec", "dec", "DEC", "Jan", "Feb", "Mar", "Apr", "May", "Jun",
			"Jul", "Aug", "Sep", "Oct", "Nov", "Fev", "Avr", "Mai", "Aou", "Gmt", "Fri", "Xyz", "De", "Sept", "déc");

	private static final List<String> ZONES = List.of("", " +0100", " -0500", " +0000", " -0000", " +0530", " +01:00",
			" +01", " +1900", " +0199", " GMT", " gmt", " UT", " Z", " CEST", " EDT", " XYZ", " Dec", " Fri", " +010",
			" +01000", "  +0100", " (CET)", " +0100 (CET)", " am", " pm", " 1er", "+0100");

	private static final List<String> ISO_ZONES = List.of("", "Z", "z", "+01:00", "-05:00", "+0100", "+01", "-00:00",
			"+19:00", "+01:60", "+1:00", "+01:0", "+01:000", " +01:00", "Zz", "GMT", "+01:00:00");

	@Test
	void drawnRfc822DatesReadAsTheGeneralReadingDoes() {
		Random random = new Random(822);
		int common = 0;
		for (int n = 0; n < 20_000; n++) {
			String text = often(random, pick(random, DAY_NAMES.subList(0, 11)), pick(random, DAY_NAMES))
					+ often(random, ", ", pick(random, List.of(",  ", " ", ",", ". ")))
					+ often(random, digits(random, 1, 2, 34), digits(random, 0, 3, 34))
					+ often(random, " ", pick(random, List.of("  ", "-"))) + pick(random, MONTHS)
					+ often(random, " ", "  ") + often(random, digits(random, 4, 4, 3000), digits(random, 2, 5, 3000))
					+ often(random, " ", pick(random, List.of("  ", ""))) + digits(random, 1, 3, 26)
					+ often(random, ":", pick(random, List.of("h", ""))) + digits(random, 2, 3, 62)
					+ pick(random, List.of("", "", ":" + digits(random, 2, 2, 62), ":5", ".00", ":00.5"))
					+ pick(random, ZONES);
			common += assertSameReading(text, () -> CommonDates.rfc822(text));
		}
		// The drawing must reach the fast reading often enough for the comparison to say something.
		assertThat(common).isGreaterThan(200);
	}

	@Test
	void drawnIsoDatesReadAsTheGeneralReadingDoes() {
		Random random = new Random(8601);
		int common = 0;
		for (int n = 0; n < 20_000; n++) {
			String time = pick(random, List.of("", "T", "t", " ", "T", "T")) + digits(random, 1, 3, 26)
					+ pick(random, List.of(":", ":", "h")) + digits(random, 2, 2, 62)
					+ pick(random, List.of("", ":" + digits(random, 2, 2, 62), ":" + digits(random, 2, 2, 62) + "."
							+ digits(random, 0, 12, 1000), ":00,5", ":5"));
			String text = often(random, digits(random, 4, 4, 3000), digits(random, 3, 5, 3000))
					+ often(random, "-", "/") + often(random, digits(random, 2, 2, 14), digits(random, 1, 3, 14)) + "-"
					+ often(random, digits(random, 2, 2, 33), digits(random, 1, 3, 33)) + (random.nextBoolean() ? time : "") + pick(random, ISO_ZONES);
			common += assertSameReading(text, () -> CommonDates.iso(text));
		}
		assertThat(common).isGreaterThan(1_000);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Fri, 04 Dec 2026 23:53:13 +0100", "Thu, 4 Dec 2026 9:05 GMT", "Tue, 01 Mar 2026 10:00:00 CET",
			"2026-12-04T23:53:13+01:00", "2026-12-04T23:53:13.123456789123Z", "2026-12-04", "2026-12-04T23:53-0500" })
	void readsTheShapesFeedsWrite(String text) {
		assertThat(assertSameReading(text, () -> (text.charAt(0) <= '9') ? CommonDates.iso(text)
				: CommonDates.rfc822(text))).isEqualTo(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Fri, 04 Dec 26 23:53:13 +0100", "Fri, 04 Déc 2026 23:53:13", "Le 04/12/2026 à 23h53",
			"Fri, 04 Dec 2026 23:53:13 +0100 (CET)", " 2026-12-04", "2026-12-04 23:53:13", "vendredi 4 décembre 2026" })
	void leavesTheOthersToTheGeneralReading(String text) {
		assertThat(text.charAt(0) <= '9' ? CommonDates.iso(text) : CommonDates.rfc822(text)).isNull();
	}

	/** 1 when the fast reading took the text; the instant, or the absence of one, is the general reading's. */
	private static int assertSameReading(String text, Supplier<DateFields> reading) {
		Optional<Instant> general = caught(() -> PublishedDateParser.general(text, PARIS));
		assertThat(PublishedDateParser.parse(text, PARIS)).as(text).isEqualTo(general);
		DateFields fast;
		try {
			fast = reading.get();
		}
		catch (RuntimeException ex) {
			// An impossible time or offset, refused as the general reading refuses it.
			assertThat(general).as(text).isEmpty();
			return 1;
		}
		if (fast == null) {
			return 0;
		}
		assertThat(caught(() -> fast.toInstant(PARIS))).as(text).isEqualTo(general);
		return 1;
	}

	/** The first choice four times out of five. */
	private static String often(Random random, String usual, String other) {
		return (random.nextInt(5) < 4) ? usual : other;
	}

	private static Optional<Instant> caught(Supplier<Optional<Instant>> reading) {
		try {
			return reading.get();
		}
		catch (RuntimeException ex) {
			return Optional.empty();
		}
	}

	private static String pick(Random random, List<String> choices) {
		return choices.get(random.nextInt(choices.size()));
	}

	/** A number below {@code bound}, written with {@code min} to {@code max} digits (zeros in front as needed). */
	private static String digits(Random random, int min, int max, int bound) {
		int width = min + random.nextInt(max - min + 1);
		if (width == 0) {
			return "";
		}
		String number = Integer.toString(random.nextInt(bound));
		while (number.length() < width) {
			number = "0" + number;
		}
		return (number.length() > width) ? number.substring(number.length() - width) : number;
	}

}
