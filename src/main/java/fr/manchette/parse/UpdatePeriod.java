package fr.manchette.parse;

import java.time.Duration;
import java.util.Locale;

import org.jdom2.Document;
import org.jdom2.Element;
import org.jspecify.annotations.Nullable;

/**
 * How often a feed says it changes: RSS 2.0's {@code <ttl>} (minutes it may be cached), else the RSS 1.0 syndication
 * module's {@code sy:updatePeriod} divided by {@code sy:updateFrequency}. The pipeline may lengthen a poll interval
 * with it, never shorten it below its floor, so a value that makes no sense (zero, negative, a word we do not know)
 * counts as none rather than as a guess.
 */
final class UpdatePeriod {

	private static final String SYNDICATION = "http://purl.org/rss/1.0/modules/syndication";

	private UpdatePeriod() {
	}

	static @Nullable Duration of(Document document) {
		Element channel = channel(document.getRootElement());
		if (channel == null) {
			return null;
		}
		return of(ItemElements.text(child(channel, "ttl", false)),
				ItemElements.text(child(channel, "updatePeriod", true)),
				ItemElements.text(child(channel, "updateFrequency", true)));
	}

	/**
	 * The period from the trimmed texts of the channel's first {@code ttl}, and of its first {@code updatePeriod} and
	 * {@code updateFrequency} of the syndication module ({@link #isSyndication}), null where there is none.
	 */
	static @Nullable Duration of(@Nullable String ttlText, @Nullable String period, @Nullable String frequency) {
		Duration ttl = ttl(ttlText);
		return (ttl != null) ? ttl : syndication(period, frequency);
	}

	/** Where the channel-level elements are: in {@code <channel>} for RSS, on the root for Atom. */
	private static @Nullable Element channel(Element root) {
		return switch (root.getName()) {
			case "rss", "RDF" -> child(root, "channel", false);
			default -> root;
		};
	}

	private static @Nullable Duration ttl(@Nullable String minutes) {
		Long value = positive(minutes);
		return (value != null) ? Duration.ofMinutes(value) : null;
	}

	/** The module's defaults: daily when only the frequency is given, once when only the period is. */
	private static @Nullable Duration syndication(@Nullable String period, @Nullable String frequency) {
		if (period == null && frequency == null) {
			return null;
		}
		Duration length = switch ((period != null) ? period.toLowerCase(Locale.ROOT) : "daily") {
			case "hourly" -> Duration.ofHours(1);
			case "daily" -> Duration.ofDays(1);
			case "weekly" -> Duration.ofDays(7);
			case "monthly" -> Duration.ofDays(30);
			case "yearly" -> Duration.ofDays(365);
			default -> null;
		};
		Long times = (frequency != null) ? positive(frequency) : Long.valueOf(1);
		return (length != null && times != null) ? length.dividedBy(times) : null;
	}

	private static @Nullable Long positive(@Nullable String text) {
		if (text == null) {
			return null;
		}
		try {
			long value = Long.parseLong(text);
			return (value > 0 && value <= Integer.MAX_VALUE) ? value : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static @Nullable Element child(Element parent, String name, boolean syndication) {
		for (Element child : parent.getChildren()) {
			if (child.getName().equals(name) && (!syndication || isSyndication(child))) {
				return child;
			}
		}
		return null;
	}

	private static boolean isSyndication(Element element) {
		return isSyndication(element.getNamespaceURI(), element.getNamespacePrefix());
	}

	/** An element of the syndication module, by its namespace or, for feeds that get it wrong, its prefix. */
	static boolean isSyndication(String uri, String prefix) {
		return uri.startsWith(SYNDICATION) || "sy".equals(prefix);
	}

}
