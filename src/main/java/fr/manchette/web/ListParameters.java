package fr.manchette.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import fr.manchette.config.FeedsFile;
import fr.manchette.config.Source;
import fr.manchette.config.LanguageTag;
import fr.manchette.publish.PageFilters;
import fr.manchette.store.ItemQuery;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * The filters every list endpoint takes: {@code source} (repeatable), {@code category}, {@code q}, {@code since}
 * (ISO-8601), {@code limit} (1 to 500, default 50), {@code lang} (repeatable or comma-separated ISO 639 codes), and
 * its order, {@code order} ({@code latest} or {@code une}).
 * Anything else we cannot read is a {@link BadQueryException}.
 */
final class ListParameters {

	/** An ISO 639 code, alone or as a tag's primary subtag ({@code fr-FR}, {@code fr_MA}), as feeds.yml takes it. */
	private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(?:[-_][a-z0-9]{1,8})*");

	/** A date-time and its offset: {@code +01:00}, {@code -0400}, or {@code  01:00} when its '+' was not encoded. */
	private static final Pattern OFFSET = Pattern.compile("(.+T.+?)([ +-])(\\d\\d)(?::?(\\d\\d))?");

	/** A year of four digits, 0001 to 9999, as {@code since} begins: the ISO-8601 years it may say. */
	private static final Pattern YEAR = Pattern.compile("(?!0000)\\d{4}-");

	/** The first and the last instant {@code since} stands for: no item is dated beyond them. */
	private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

	private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

	private ListParameters() {
	}

	/**
	 * @param stored the sources the store has a status for: those of them no longer in feeds.yml are not listed
	 */
	static ItemQuery parse(MultiValueMap<String, String> params, FeedsFile config, Set<String> stored) {
		Set<String> sources = sources(params.get("source"), config);
		String asked = single(params, "category");
		// Without the spaces around it, as every other parameter is read.
		String category = (asked != null) ? asked.strip() : null;
		if (category != null && !category.isEmpty()) {
			Set<String> inCategory = config.feeds()
				.stream()
				.filter((source) -> category.equalsIgnoreCase(source.category()))
				.map(Source::id)
				.collect(Collectors.toSet());
			if (inCategory.isEmpty()) {
				// As an unknown source: a category misspelt would list nothing, and say nothing of why.
				throw new BadQueryException("category", "unknown category \"" + category + "\"; known: "
						+ knownCategories(config));
			}
			if (sources != null) {
				inCategory.retainAll(sources);
			}
			sources = inCategory;
		}
		String q = single(params, "q");
		if (q != null && q.length() > 200) {
			throw new BadQueryException("q", "q must be at most 200 characters");
		}
		return new ItemQuery(sources, (q != null && !q.isBlank()) ? q : null,
				since(single(params, "since"), config.timezone()), limit(single(params, "limit")), null,
				languages(params.get("lang")), removed(stored, config));
	}

	/** The sources of the store that feeds.yml no longer has. */
	private static Set<String> removed(Set<String> stored, FeedsFile config) {
		return stored.stream().filter((id) -> config.source(id).isEmpty()).collect(Collectors.toSet());
	}

	/** Each category once, as the first source with it writes it: the filter ignores case. */
	private static String knownCategories(FeedsFile config) {
		Map<String, String> known = new LinkedHashMap<>();
		for (Source source : config.feeds()) {
			if (source.category() != null && !source.category().isBlank()) {
				known.putIfAbsent(source.category().toLowerCase(Locale.ROOT), source.category());
			}
		}
		return known.isEmpty() ? "none (no source of feeds.yml has a category)" : String.join(", ", known.values());
	}

	/** {@code lang=fr}, {@code lang=fr,ar} or {@code lang=fr&lang=ar}: ISO 639 codes, any case. */
	private static @Nullable Set<String> languages(@Nullable List<String> values) {
		if (values == null) {
			return null;
		}
		Set<String> languages = new HashSet<>();
		for (String value : values) {
			for (String code : value.split(",")) {
				String trimmed = code.trim().toLowerCase(Locale.ROOT);
				if (trimmed.isEmpty()) {
					continue;
				}
				if (!LANGUAGE.matcher(trimmed).matches()) {
					throw new BadQueryException("lang", "lang must be ISO 639 language codes such as fr, ar, en or es");
				}
				// fra, fre or fr-FR: fr, as items are stored.
				languages.add(LanguageTag.primary(trimmed));
			}
		}
		// "lang=" alone, as a form's "all languages" choice sends it, filters nothing.
		return languages.isEmpty() ? null : languages;
	}

	/**
	 * The values of a repeatable, comma-separated parameter ({@code source}, {@code lang}), once each, in the order
	 * given.
	 */
	/**
	 * The filters as asked, for what the page's form shows and the titles say ({@link PageFilters}); read after
	 * {@link #parse} has checked them, so each is given once.
	 */
	static PageFilters filters(MultiValueMap<String, String> params, boolean une) {
		return new PageFilters(listed(params, "source"), single(params, "category"), single(params, "q"), une,
				listed(params, "lang"), single(params, "since"), single(params, "limit"));
	}

	static List<String> listed(MultiValueMap<String, String> params, String name) {
		List<String> values = params.get(name);
		if (values == null) {
			return List.of();
		}
		return values.stream()
			.flatMap((value) -> Arrays.stream(value.split(",")))
			.map(String::trim)
			.filter((id) -> !id.isEmpty())
			.distinct()
			.toList();
	}

	/** A stable form of the parameters that matter, for the validator of a response. */
	static String canonical(MultiValueMap<String, String> params) {
		TreeMap<String, List<String>> kept = new TreeMap<>();
		for (String name : List.of("source", "category", "q", "since", "limit", "order", "lang")) {
			List<String> values = params.get(name);
			if (values != null) {
				kept.put(name, values.stream().sorted().toList());
			}
		}
		return kept.toString();
	}

	/**
	 * Whether the list is ranked à la une ({@code order=une}) rather than newest first ({@code order=latest}, the
	 * default); any other order is a {@link BadQueryException}.
	 */
	static boolean une(MultiValueMap<String, String> params) {
		String order = single(params, "order");
		if (order == null || order.isBlank() || order.trim().equalsIgnoreCase("latest")) {
			return false;
		}
		if (order.trim().equalsIgnoreCase("une")) {
			return true;
		}
		throw new BadQueryException("order", "order must be latest (newest first, the default) or une (the stories "
				+ "told by the most sources first), not \"" + order + "\"");
	}

	private static @Nullable Set<String> sources(@Nullable List<String> values, FeedsFile config) {
		if (values == null || values.isEmpty()) {
			return null;
		}
		Set<String> ids = new HashSet<>();
		for (String value : values) {
			for (String id : value.split(",")) {
				String trimmed = id.trim();
				if (trimmed.isEmpty()) {
					continue;
				}
				if (config.source(trimmed).isEmpty()) {
					throw new BadQueryException("source", "unknown source \"" + trimmed + "\"; known: "
							+ config.feeds().stream().map(Source::id).collect(Collectors.joining(", ")));
				}
				ids.add(trimmed);
			}
		}
		// "source=" alone, as a form's "all sources" choice sends it, filters nothing.
		return ids.isEmpty() ? null : ids;
	}

	private static @Nullable Instant since(@Nullable String value, ZoneId zone) {
		if (value == null || value.isBlank()) {
			return null;
		}
		// RFC 3339 §5.6 lets a date-time write its T and Z in lower case, as some clients do.
		String text = value.trim().toUpperCase(Locale.ROOT);
		// ISO-8601 reads years of more digits too (+999999999-12-31T23:59), which neither the store's timestamps nor
		// Java's own date-times at UTC all hold.
		Instant since = YEAR.matcher(text).lookingAt() ? instant(text, zone) : null;
		if (since == null) {
			throw new BadQueryException("since", "since must be an ISO-8601 date or date-time from the year 1 to 9999, "
					+ "e.g. 2025-05-16 or 2025-05-16T19:35:00+01:00");
		}
		// The year 1 begins before UTC's in Paris, and 9999 ends after it at -18:00: the same list as at UTC's.
		return since.isBefore(EARLIEST) ? EARLIEST : since.isAfter(LATEST) ? LATEST : since;
	}

	/** The instant that ISO-8601 text says, or null if it says none. */
	private static @Nullable Instant instant(String text, ZoneId zone) {
		try {
			if (text.length() == 10) {
				return LocalDate.parse(text).atStartOfDay(zone).toInstant();
			}
			if (text.endsWith("Z")) {
				return OffsetDateTime.parse(text).toInstant();
			}
			Matcher offset = OFFSET.matcher(text);
			if (offset.matches()) {
				// A '+' typed in an address as is reaches us as a space: the offset is still the one meant.
				String sign = offset.group(2).equals("-") ? "-" : "+";
				// ISO-8601 lets an offset be hours alone (+01), as feeds' dates often are.
				String minutes = (offset.group(4) != null) ? offset.group(4) : "00";
				return OffsetDateTime.parse(offset.group(1) + sign + offset.group(3) + ":" + minutes)
					.toInstant();
			}
			return LocalDateTime.parse(text).atZone(zone).toInstant();
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	private static int limit(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return ItemQuery.DEFAULT_LIMIT;
		}
		try {
			int limit = Integer.parseInt(value.trim());
			if (limit >= 1 && limit <= ItemQuery.MAX_LIMIT) {
				return limit;
			}
		}
		catch (NumberFormatException ex) {
			// Answered below, with the same message as a number out of range.
		}
		throw new BadQueryException("limit", "limit must be a whole number from 1 to " + ItemQuery.MAX_LIMIT);
	}

	private static @Nullable String single(MultiValueMap<String, String> params, String name) {
		List<String> values = params.get(name);
		if (values == null || values.isEmpty()) {
			return null;
		}
		if (values.size() > 1) {
			throw new BadQueryException(name, name + " may be given once");
		}
		return values.get(0);
	}

}
