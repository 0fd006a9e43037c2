package fr.manchette.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The ranking à la une: the stories told within the window that starts at {@link ItemQuery#une()}, each once, the
 * most distinct sources first, then the newest. Each is shown by its first matching item within the window, and counts
 * the sources that told it there, whatever the filters (a filter picks stories; it does not make them smaller). The
 * window's tellings are read once, narrow (story and source), and ranked here: a few thousand rows for a farm's six
 * hours, where counting each story in SQL probed its index once per telling.
 */
@Component
class TopStories {

	// item_sort_idx: every telling within the window of a list ranked à la une, oldest first.
	private static final String TOLD_SINCE = """
			SELECT id, story_key, source_id, sort_at FROM item WHERE sort_at >= :une ORDER BY sort_at, id""";

	// item_sort_idx, and the filters' own indexes: the matching tellings within the window, oldest first.
	private static final String MATCHING_TOLD = "SELECT i.id, i.story_key, i.sort_at FROM item i WHERE %s ORDER BY i.sort_at, i.id";

	private static final String LEADS = "SELECT " + ItemRow.COLUMNS + " FROM item i WHERE i.id IN (:ids)";

	private final JdbcClient jdbc;

	private final ItemFilter filter;

	TopStories(JdbcClient jdbc, ItemFilter filter) {
		this.jdbc = jdbc;
		this.filter = filter;
	}

	/** The leads of the top stories, in their rank, at most the query's limit. */
	List<Ranked> rank(ItemQuery query) {
		Instant une = Objects.requireNonNull(query.une(), "not a query ranked à la une");
		Map<String, Set<String>> sources = new HashMap<>();
		Map<String, Telling> leads = new LinkedHashMap<>();
		boolean filtered = query.sources() != null || !query.words().isEmpty() || query.languages() != null
				|| query.removed() != null || (query.since() != null && query.since().isAfter(une));
		this.jdbc.sql(TOLD_SINCE).param("une", Timestamps.param(une)).query((row) -> {
			String story = row.getString("story_key");
			if (query.hides(row.getString("source_id"))) {
				return;
			}
			sources.computeIfAbsent(story, (key) -> new HashSet<>()).add(row.getString("source_id"));
			if (!filtered) {
				leads.putIfAbsent(story, new Telling(row.getLong("id"), Timestamps.read(row, "sort_at")));
			}
		});
		if (filtered) {
			// The window bounds the items like a since, the later of the two winning.
			Instant since = (query.since() != null && query.since().isAfter(une)) ? query.since() : une;
			ItemQuery bounded = new ItemQuery(query.sources(), query.text(), since, query.limit(), une,
					query.languages(), query.removed());
			Map<String, Object> params = new HashMap<>();
			String filterI = this.filter.matching("i", bounded, params);
			this.jdbc.sql(MATCHING_TOLD.formatted(filterI)).params(params).query((row) -> {
				leads.putIfAbsent(row.getString("story_key"),
						new Telling(row.getLong("id"), Timestamps.read(row, "sort_at")));
			});
		}
		List<Map.Entry<String, Telling>> ranked = new ArrayList<>(leads.entrySet());
		ranked.sort(Comparator
			.comparingInt((Map.Entry<String, Telling> lead) -> sources.getOrDefault(lead.getKey(), Set.of()).size())
			.thenComparing((lead) -> lead.getValue().sortAt())
			.thenComparingLong((lead) -> lead.getValue().id())
			.reversed());
		List<Map.Entry<String, Telling>> top = ranked.subList(0, Math.min(query.limit(), ranked.size()));
		if (top.isEmpty()) {
			return List.of();
		}
		Map<Long, StoredItem> rows = new HashMap<>();
		this.jdbc.sql(LEADS)
			.param("ids", top.stream().map((lead) -> lead.getValue().id()).toList())
			.query(ItemRow::read)
			.list()
			.forEach((row) -> rows.put(row.id(), row));
		// A lead pruned since it was read is left out.
		return top.stream()
			.map((lead) -> rows.get(lead.getValue().id()))
			.filter(Objects::nonNull)
			.map((lead) -> new Ranked(lead, Math.max(1, sources.getOrDefault(lead.storyKey(), Set.of()).size())))
			.toList();
	}

	/** The lead of a top story, and how many distinct sources told the story within the window. */
	record Ranked(StoredItem lead, int sources) {
	}

	/** A telling within the window of a list ranked à la une: the item and its place. */
	private record Telling(long id, Instant sortAt) {
	}

}
