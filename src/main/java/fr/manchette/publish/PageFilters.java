package fr.manchette.publish;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The filters the ticker page was asked with, to show them in its form and carry them into its feed links and the
 * requests of its script. They were already checked by the time they get here.
 *
 * @param sources the source ids asked for; empty for all
 * @param category the category asked for, if any
 * @param q the search words, if any
 * @param une whether the stories are ranked à la une ({@code order=une}) rather than newest first
 */
public record PageFilters(List<String> sources, @Nullable String category, @Nullable String q, boolean une) {

	public static final PageFilters NONE = new PageFilters(List.of(), null, null);

	public PageFilters {
		sources = List.copyOf(sources);
		category = blankToNull(category);
		q = blankToNull(q);
	}

	/** Newest first. */
	public PageFilters(List<String> sources, @Nullable String category, @Nullable String q) {
		this(sources, category, q, false);
	}

	/** The same filters, in the other order or this one. */
	public PageFilters ranked(boolean une) {
		return new PageFilters(this.sources, this.category, this.q, une);
	}

	/** Whether any filter narrows the list (the order does not). */
	public boolean any() {
		return !this.sources.isEmpty() || this.category != null || this.q != null;
	}

	/** {@code source=a&category=b&q=c&order=une}, encoded, or empty: what the feed links and the script's requests carry. */
	public String query() {
		List<String> parts = new ArrayList<>();
		this.sources.forEach((source) -> parts.add("source=" + encode(source)));
		if (this.category != null) {
			parts.add("category=" + encode(this.category));
		}
		if (this.q != null) {
			parts.add("q=" + encode(this.q));
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
