package fr.manchette.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;

/**
 * A fixture feed whose dates are placed relative to a moment ({@code {{MINUS_20M}}} is twenty minutes before it),
 * so that "today" in the ticker is today whenever the test runs. RSS files get RFC 822 dates, Atom RFC 3339.
 */
final class FixtureFeed {

	static final Map<String, Duration> OFFSETS = Map.of("MINUS_20M", Duration.ofMinutes(20), "MINUS_25M",
			Duration.ofMinutes(25), "MINUS_30M",
			Duration.ofMinutes(30), "MINUS_40M", Duration.ofMinutes(40), "MINUS_45M", Duration.ofMinutes(45),
			"MINUS_2D", Duration.ofDays(2));

	private FixtureFeed() {
	}

	static String render(String name, Instant now) {
		String text;
		try {
			text = new ClassPathResource(name, FixtureFeed.class).getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		DateTimeFormatter format = name.endsWith(".xml") && text.contains("<rss") ? DateTimeFormatter.RFC_1123_DATE_TIME
				: DateTimeFormatter.ISO_OFFSET_DATE_TIME;
		for (Map.Entry<String, Duration> offset : OFFSETS.entrySet()) {
			text = text.replace("{{" + offset.getKey() + "}}", format.format(at(now, offset.getKey()).atOffset(ZoneOffset.UTC)));
		}
		return text;
	}

	/** The instant a placeholder stands for, to the second as feeds write it. */
	static Instant at(Instant now, String placeholder) {
		return now.minus(OFFSETS.get(placeholder)).truncatedTo(ChronoUnit.SECONDS);
	}

}
