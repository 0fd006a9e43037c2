package fr.manchette.publish;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import fr.manchette.config.FeedsFile;
import fr.manchette.config.Source;
import org.jspecify.annotations.Nullable;

/**
 * The filters a list was asked with: the ticker page shows them in its form and carries them into its feed links and
 * the requests of its script; the page and the feeds say in their titles what they narrow the list to. They were
 * already checked by the time they get here.
 *
 * @param sources the source ids asked for; empty for all
 * @param category the category asked for, if any
 * @param q the search words, if any
 * @param une whether the stories are ranked à la une ({@code order=une}) rather than newest first
 * @param languages the language codes asked for ({@code lang}); empty for any
 * @param since {@code since} as asked, if it was
 * @param limit {@code limit} as asked, if it was
 */
public record PageFilters(List<String> sources, @Nullable String category, @Nullable String q, boolean une,
		List<String> languages, @Nullable String since, @Nullable String limit) {

	public static final PageFilters NONE = new PageFilters(List.of(), null, null);

	/** How many sources a title names; beyond, it counts them. */
	private static final int MAX_NAMED = 3;

	public PageFilters {
		sources = List.copyOf(sources);
		category = blankToNull(category);
		q = blankToNull(q);
		languages = List.copyOf(languages);
		since = blankToNull(since);
		limit = blankToNull(limit);
	}

	/** Newest first, in any language, from any time, as many as by default. */
	public PageFilters(List<String> sources, @Nullable String category, @Nullable String q) {
		this(sources, category, q, false, List.of(), null, null);
	}

	/** The same filters, in the other order or this one. */
	public PageFilters ranked(boolean une) {
		return new PageFilters(this.sources, this.category, this.q, une, this.languages, this.since, this.limit);
	}

	/** Whether any filter narrows the list (the order and the limit do not). */
	public boolean any() {
		return !this.sources.isEmpty() || this.category != null || this.q != null || !this.languages.isEmpty()
				|| this.since != null;
	}

	/**
	 * What the list holds, in words, for a title: the category as feeds.yml writes it, the sources' names (their
	 * number beyond three), « the words searched », the languages; null when nothing narrows it ({@code since} and the
	 * limit say when and how many, not what).
	 */
	public @Nullable String scope(FeedsFile config) {
		List<String> parts = new ArrayList<>();
		if (this.category != null) {
			String asked = this.category;
			parts.add(config.feeds()
				.stream()
				.map(Source::category)
				.filter(asked::equalsIgnoreCase)
				.findFirst()
				.orElse(asked));
		}
		if (this.sources.size() > MAX_NAMED) {
			parts.add(this.sources.size() + " sources");
		}
		else {
			this.sources.forEach((id) -> parts.add(ItemLabels.sourceName(config, id)));
		}
		if (this.q != null) {
			parts.add("« " + this.q + " »");
		}
		if (!this.languages.isEmpty()) {
			parts.add(String.join(", ", this.languages));
		}
		return parts.isEmpty() ? null : String.join(" · ", parts);
	}

	/**
	 * {@code source=a&category=b&q=c&lang=fr&since=d&limit=n&order=une}, encoded, or empty: what the feed links, the
	 * tabs and the script's requests carry, so that each lists what the page lists.
	 */
	public String query() {
		List<String> parts = new ArrayList<>();
		this.sources.forEach((source) -> parts.add("source=" + encode(source)));
		if (this.category != null) {
			parts.add("category=" + encode(this.category));
		}
		if (this.q != null) {
			parts.add("q=" + encode(this.q));
		}
		this.languages.forEach((language) -> parts.add("lang=" + encode(language)));
		if (this.since != null) {
			parts.add("since=" + encode(this.since));
		}
		if (this.limit != null) {
			parts.add("limit=" + encode(this.limit));
		}
		if (this.une) {
			parts.add("order=une");
		}
		return String.join("&", parts);
	}

	/** {@code path}, with the query when there is one. */
	public String on(String path) {
		String query = query();
		return query.isEmpty() ? path : path + "?" + query;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

}
