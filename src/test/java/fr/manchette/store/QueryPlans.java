package fr.manchette.store;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Prints how the database runs the store's queries, for the store benchmark: the plans are what justify the
 * indexes. Read side: {@code item_sort_idx} (newest first, stop at the limit), {@code item_story_hash_idx} (the NOT
 * EXISTS probe per candidate), {@code item_source_sort_idx} (one source's items), the primary key (a rare word's
 * items, as the word index gives them). Ingest side: {@code item_link_hash_idx} and {@code item_story_hash_idx} (the story of a link: the items that
 * joined another story, and those whose link names theirs; the same for a source's items under the links of a poll's
 * unknown keys), {@code item_source_hash_key} (which items a
 * poll already has); retention: {@code item_sort_idx} again (oldest first). The statements a store uses once every
 * item has the hashes of its keys (see {@link KeyHashes}).
 */
public final class QueryPlans {

	private QueryPlans() {
	}

	public static void print(ApplicationContext context, String engine, Instant now) {
		StoryQueries repository = context.getBean(StoryQueries.class);
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		Map<String, Statement> statements = new LinkedHashMap<>();
		statements.put("latest 50", repository.latestStoriesStatement(ItemQuery.latest(50)));
		statements.put("source=source-7",
				repository.latestStoriesStatement(new ItemQuery(Set.of("source-7"), null, null, 50)));
		statements.put("since=1 day ago",
				repository.latestStoriesStatement(new ItemQuery(null, null, now.minus(Duration.ofDays(1)), 50)));
		statements.put("q=panathinaikos",
				repository.latestStoriesStatement(new ItemQuery(null, "panathinaikos", null, 50)));
		Map<String, Object> last = jdbc.sql("SELECT source_id, item_key, link_key, title, sort_at FROM item "
				+ "ORDER BY id DESC LIMIT 1").query().singleRow();
		String linkKey = (String) last.get("link_key");
		boolean postgres = engine.toLowerCase().contains("postgres");
		KeyLookup lookup = KeyLookup.of(true, postgres ? StoreEngine.POSTGRESQL : StoreEngine.H2);
		statements.put("stories of the last item's link (ingest)", new Statement(lookup.sql("",
				ItemRepository.STORIES_OF_LINKS, ItemRepository.STORIES_OF_LINK_ARRAYS), lookup.params(List.of(linkKey))));
		statements.put("items under the last item's link, for a poll's unknown keys (ingest)", new Statement(
				lookup.sql("", ItemRepository.UNDER_LINKS, ItemRepository.UNDER_LINK_ARRAYS),
				lookup.params(List.of(linkKey))));
		statements.put("items a poll already has (ingest)",
				ItemRepository.bySourceKeys(ItemRepository.KNOWN_COLUMNS, (String) last.get("source_id"),
						List.of((String) last.get("item_key"), "unknown-key"), lookup));
		statements.put("one retention batch, 60 days (prune)", new Statement(ItemPruner.PRUNE,
				Map.of("cutoff", Timestamps.param(now.minus(Duration.ofDays(60))), "batch",
						ItemPruner.PRUNE_BATCH)));
		for (Map.Entry<String, Statement> statement : statements.entrySet()) {
			String explain = (postgres ? "EXPLAIN (ANALYZE, COSTS OFF) " : "EXPLAIN ANALYZE ")
					+ statement.getValue().sql();
			System.out.printf("%n-- plan on %s: %s%n", engine, statement.getKey());
			jdbc.sql(explain).params(statement.getValue().params()).query((row) -> {
				System.out.println(row.getString(1));
			});
		}
	}

}
