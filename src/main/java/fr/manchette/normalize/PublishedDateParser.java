package fr.manchette.normalize;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.manchette.parse.AccentFold;
import org.jspecify.annotations.Nullable;

/**
 * Reads the dates French feeds really write: RFC 822 with its variants, ISO 8601, and French prose such as
 * "ven., 16 mai 2025 19:35:00 +0200" or "Le 16/05/2025 à 19h35"; and Arabic, as Moroccan feeds write it:
 * "الإثنين 7 دجنبر 2026 - 19:35", with Arabic-Indic figures or not.
 * <p>
 * Rather than one formatter per variant, the text is folded (lower case, no accents) and read token by token,
 * so that a missing or wrong day name, a two-digit year or an extra space does not matter.
 */
public final class PublishedDateParser {

	/** ISO 8601 as RFC 3339 and W3C-DTF use it, also with a space instead of the T. */
	private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})(?:[t ](\\d{2}):(\\d{2})"
			+ "(?::(\\d{2})(?:[.,](\\d{1,9})\\d*)?)?)? ?(z|[+-]\\d{2}(?::?\\d{2})?)?");

	/** RFC 822 comments, as in "+0200 (CEST)". */
	private static final Pattern COMMENT = Pattern.compile("\\([^)]*\\)");

	private static final Pattern ORDINAL = Pattern.compile("(\\d)(?:er|ᵉʳ)(?=\\s|$)");

	/** Spaces, and commas and semicolons, Arabic ones too: « الإثنين، 7 دجنبر 2026 ». */
	private static final Pattern SEPARATORS = Pattern.compile("[\\s\\p{Z},;\u060C\u061B]+");

	/** French typography spaces the hour: "19 h 35", "19 h", which read as "19h35", "19h". */
	private static final Pattern SPACED_HOUR = Pattern.compile("(?<=\\d) ?h(?: (?=\\d{2}(?!\\d))|(?![\\p{L}\\d]))");

	private PublishedDateParser() {
	}

	/**
	 * The instant a feed's date stands for.
	 * @param text the date as written in the feed, or null
	 * @param assumedZone the zone of a date that names none
	 * @return the instant, or empty when the text is not a date or names an impossible one
	 */
	public static Optional<Instant> parse(@Nullable String text, ZoneId assumedZone) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		try {
			DateFields common = Character.isDigit(text.charAt(0)) ? CommonDates.iso(text) : CommonDates.rfc822(text);
			return (common != null) ? common.toInstant(assumedZone) : general(text, assumedZone);
		}
		catch (RuntimeException ex) {
			// An unreadable or impossible date is data: the item falls back to another date.
			return Optional.empty();
		}
	}

	/** The reading of any date, folded and token by token, which {@link CommonDates} gives the same as. */
	static Optional<Instant> general(String text, ZoneId assumedZone) {
		String folded = fold(text);
		Matcher iso = ISO.matcher(folded);
		DateFields fields = iso.matches() ? DateFields.ofIso(iso) : DateFields.ofTokens(folded.split(" "));
		return (fields != null) ? fields.toInstant(assumedZone) : Optional.empty();
	}

	/** Lower case, no accents, no comments, single spaces, "1er" as "1", "19 h 35" as "19h35". */
	private static String fold(String text) {
		String lower = AccentFold.fold(text);
		// Each pattern runs only when the text holds what it needs to match: '(' for a comment, "er" for an ordinal,
		// "h" beside a space for a spaced hour.
		String withoutComments = (lower.indexOf('(') >= 0) ? COMMENT.matcher(lower).replaceAll(" ") : lower;
		String spaced = SEPARATORS.matcher(withoutComments).replaceAll(" ").strip();
		String hours = (spaced.contains(" h") || spaced.contains("h ")) ? SPACED_HOUR.matcher(spaced).replaceAll("h")
				: spaced;
		return (hours.contains("er") || hours.contains("ᵉʳ")) ? ORDINAL.matcher(hours).replaceAll("$1") : hours;
	}

}
