package fr.manchette.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;

/**
 * A fixture ticker page whose times are placed relative to a moment, as {@link FixtureFeed} does for feeds: a ticker
 * shows {@code HH:mm} in its zone, so {@code {{MINUS_20M}}} becomes the clock time twenty minutes before it.
 */
final class FixturePage {

	private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

	private FixturePage() {
	}

	static String render(String name, Instant now, ZoneId zone) {
		String text;
		try {
			text = new ClassPathResource(name, FixturePage.class).getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		for (Map.Entry<String, ?> offset : FixtureFeed.OFFSETS.entrySet()) {
			text = text.replace("{{" + offset.getKey() + "}}", HH_MM.format(at(now, offset.getKey()).atZone(zone)));
		}
		return text;
	}

	/** The instant a placeholder stands for, to the minute as tickers show it. */
	static Instant at(Instant now, String placeholder) {
		return now.minus(FixtureFeed.OFFSETS.get(placeholder)).truncatedTo(ChronoUnit.MINUTES);
	}

}
