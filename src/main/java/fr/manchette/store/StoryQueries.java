package fr.manchette.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The stories the outputs show, read from the items: a list newest first or à la une, filtered and searched, each
 * story with the other sources' items; one story by its key.
 */
@Repository
public class StoryQueries {

	// item_story_hash_idx, by the key's hash (see KeyHash); the key itself compared too. Each statement that finds
	// items by story has a form for a store whose older items lack their hashes (see KeyHashes): through
	// item_story_idx, by the key alone.
	private static final String STORY = "SELECT " + ItemRow.COLUMNS + " FROM item i WHERE %s ORDER BY i.sort_at, i.id";

	private static final String STORY_BY_HASH = "i.story_hash = :hash AND i.story_key = :story";

	private static final String STORY_BY_KEY = "i.story_key = :story";

	// Walks item_sort_idx newest first and probes item_story_hash_idx for each candidate, so it stops at the limit.
	private static final String LATEST_STORIES = "SELECT " + ItemRow.COLUMNS + """
			 FROM item i
			WHERE %s
			  AND NOT EXISTS (SELECT 1 FROM item e
			                   WHERE %s AND %s
			                     AND (e.sort_at < i.sort_at OR (e.sort_at = i.sort_at AND e.id < i.id)))
			ORDER BY i.sort_at DESC, i.id DESC
			LIMIT :limit""";

	private static final String SAME_STORY_BY_HASH = "e.story_hash = i.story_hash AND e.story_key = i.story_key";

	private static final String SAME_STORY_BY_KEY = "e.story_key = i.story_key";

	private static final String TELLINGS = "SELECT " + ItemRow.COLUMNS + " FROM item i WHERE %s ORDER BY i.sort_at, i.id";

	// item_sort_idx: the first item of the window, whose leaving it is the next change of the ranking.
	// No row at all when the window is empty (MIN would give one row of NULL, which JdbcClient refuses as a single
	// result); the index on sort_at gives the first row either way.
	private static final String FIRST_SORTED_SINCE = """
			SELECT sort_at AS first_at FROM item WHERE sort_at >= :from ORDER BY sort_at LIMIT 1""";

	private final JdbcClient jdbc;

	private final ItemFilter filter;

	private final TopStories top;

	private final KeyHashes hashes;

	StoryQueries(JdbcClient jdbc, ItemFilter filter, TopStories top, KeyHashes hashes) {
		this.jdbc = jdbc;
		this.hashes = hashes;
		this.filter = filter;
		this.top = top;
	}

	/**
	 * The stories matching the query in its order: newest first, or à la une when the query says so
	 * ({@link #topStories}).
	 */
	public List<Story> stories(ItemQuery query) {
		return (query.une() != null) ? topStories(query) : latestStories(query);
	}

	/**
	 * The latest stories matching the query, newest first, each once: an item is the lead of its story when no
	 * earlier matching item shares its story key.
	 */
	public List<Story> latestStories(ItemQuery query) {
		Statement latest = latestStoriesStatement(query);
		List<StoredItem> leads = this.jdbc.sql(latest.sql()).params(latest.params()).query(ItemRow::read).list();
		return withOthers(leads, query);
	}

	/** The stories ranked à la une (see {@link TopStories}), each counting the sources that told it in the window. */
	public List<Story> topStories(ItemQuery query) {
		List<TopStories.Ranked> ranked = this.top.rank(query);
		List<Story> stories = withOthers(ranked.stream().map(TopStories.Ranked::lead).toList(), query);
		List<Story> counted = new ArrayList<>(stories.size());
		for (int i = 0; i < stories.size(); i++) {
			Story story = stories.get(i);
			counted.add(new Story(story.lead(), story.others(), ranked.get(i).sources()));
		}
		return counted;
	}

	/**
	 * One story, every item of it, the lead first: the item sorted first (the earliest published), then the others
	 * in their order.
	 */
	public Optional<Story> story(String storyKey) {
		List<StoredItem> items = this.jdbc.sql(STORY.formatted(this.hashes.complete() ? STORY_BY_HASH : STORY_BY_KEY))
			.param("hash", KeyHash.of(storyKey))
			.param("story", storyKey)
			.query(ItemRow::read)
			.list();
		return items.isEmpty() ? Optional.empty() : Optional.of(new Story(items.get(0), items.subList(1, items.size())));
	}

	/**
	 * When the first item sorted at or after {@code from} was sorted, or empty when there is none: until that item
	 * leaves a window that starts at {@code from}, moving the start on changes nothing in what the window holds.
	 */
	public Optional<Instant> firstSortedSince(Instant from) {
		return this.jdbc.sql(FIRST_SORTED_SINCE)
			.param("from", Timestamps.param(from))
			.query((row, n) -> Timestamps.read(row, "first_at"))
			.optional();
	}

	/** The statement behind {@link #latestStories}, also read by the benchmark that prints its plan. */
	Statement latestStoriesStatement(ItemQuery query) {
		Map<String, Object> params = new HashMap<>();
		String filterI = this.filter.matching("i", query, params);
		String filterE = ItemFilter.conditions("e", query, params);
		params.put("limit", query.limit());
		String sameStory = this.hashes.complete() ? SAME_STORY_BY_HASH : SAME_STORY_BY_KEY;
		return new Statement(LATEST_STORIES.formatted(filterI, sameStory, filterE), params);
	}

	/** Each lead with the other items of its story, oldest first: one query for the whole list. */
	private List<Story> withOthers(List<StoredItem> leads, ItemQuery query) {
		if (leads.isEmpty()) {
			return List.of();
		}
		Map<String, List<StoredItem>> byStory = new LinkedHashMap<>();
		leads.forEach((lead) -> byStory.put(lead.storyKey(), new ArrayList<>()));
		List<String> keys = List.copyOf(byStory.keySet());
		this.jdbc.sql(TELLINGS.formatted(this.hashes.storyIn("i")))
			.param("hashes", KeyHash.of(keys))
			.param("keys", keys)
			.query(ItemRow::read)
			.list()
			.forEach((item) -> byStory.get(item.storyKey()).add(item));
		return leads.stream()
			.map((lead) -> new Story(lead,
					byStory.get(lead.storyKey())
						.stream()
						.filter((item) -> item.id() != lead.id() && !query.hides(item.sourceId()))
						.toList()))
			.toList();
	}

}
