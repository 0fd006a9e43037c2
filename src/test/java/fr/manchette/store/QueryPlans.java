package fr.manchette.store;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Prints how the database runs the ticker's query, for the store benchmark: the plans are what justify
 * {@code item_sort_idx} (newest first, stop at the limit), {@code item_story_idx} (the NOT EXISTS probe per
 * candidate) and {@code item_source_sort_idx} (one source's items).
 */
public final class QueryPlans {

	private QueryPlans() {
	}

	public static void print(ApplicationContext context, String engine, Instant now) {
		ItemRepository repository = context.getBean(ItemRepository.class);
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		boolean postgres = engine.toLowerCase().contains("postgres");
		Map<String, ItemQuery> queries = new LinkedHashMap<>();
		queries.put("latest 50", ItemQuery.latest(50));
		queries.put("source=source-7", new ItemQuery(Set.of("source-7"), null, null, 50));
		queries.put("since=1 day ago", new ItemQuery(null, null, now.minus(Duration.ofDays(1)), 50));
		queries.put("q=panathinaikos", new ItemQuery(null, "panathinaikos", null, 50));
		for (Map.Entry<String, ItemQuery> query : queries.entrySet()) {
			ItemRepository.Statement statement = repository.latestStoriesStatement(query.getValue());
			String explain = (postgres ? "EXPLAIN (ANALYZE, COSTS OFF) " : "EXPLAIN ANALYZE ") + statement.sql();
			System.out.printf("%n-- plan on %s: %s%n", engine, query.getKey());
			jdbc.sql(explain).params(statement.params()).query((row) -> {
				System.out.println(row.getString(1));
			});
		}
	}

}
