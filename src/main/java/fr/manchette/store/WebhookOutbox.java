package fr.manchette.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The webhook deliveries to make ({@code webhook_outbox}) and how each webhook fared ({@code webhook_status}). A poll
 * records its events in its own transaction, one statement per 1 000; the schema makes each (hook, story, event) once,
 * whichever instance stores it. Deliveries are claimed with a lease, as sources are: one instance wins each.
 */
@Repository
public class WebhookOutbox {

	private static final String SOURCE_SEPARATOR = ",";

	// item_story_hash_idx (see KeyHash), or item_story_idx while older items lack their hashes (see KeyHashes).
	private static final String TELLINGS = """
			SELECT id, source_id, story_key, title, link, sort_at FROM item WHERE %s ORDER BY sort_at, id""";

	private static final String INSERT_INTO = """
			webhook_outbox (hook, story_key, event, title, link, sources, story_at, created_at, attempts,
			                next_attempt_at)""";

	// webhook_outbox_due_idx. The outer conditions are checked again on each row once locked: an instance that waited
	// for a rival's claim finds the lease taken and leaves the row alone.
	private static final String CLAIM = """
			UPDATE webhook_outbox SET lease_owner = :owner, lease_until = :until
			WHERE id IN (SELECT id FROM webhook_outbox
			              WHERE next_attempt_at <= :now AND hook IN (:hooks)
			                AND (lease_until IS NULL OR lease_until < :now)
			              ORDER BY next_attempt_at, id LIMIT :batch)
			  AND next_attempt_at <= :now AND (lease_until IS NULL OR lease_until < :now)""";

	private static final String CLAIMED = """
			SELECT id, hook, story_key, event, title, link, sources, story_at, attempts FROM webhook_outbox
			WHERE lease_owner = :owner ORDER BY id""";

	private static final String DELIVERED = """
			UPDATE webhook_outbox SET delivered_at = :now, attempts = attempts + 1, next_attempt_at = NULL,
			                          lease_owner = NULL, lease_until = NULL, last_error = NULL
			WHERE id = :id AND lease_owner = :owner""";

	private static final String FAILED = """
			UPDATE webhook_outbox SET attempts = attempts + 1, next_attempt_at = :next, last_error = :error,
			                          lease_owner = NULL, lease_until = NULL
			WHERE id = :id AND lease_owner = :owner""";

	private static final String RELEASE = """
			UPDATE webhook_outbox SET lease_owner = NULL, lease_until = NULL WHERE id IN (:ids) AND lease_owner = :owner""";

	// Every lease but those of this instance's claims (instance#1, instance#2...: see releaseLeftBehind). Once at a
	// start, through the whole table: it holds the deliveries of the retention time at most (see PRUNE).
	private static final String RELEASE_LEFT_BEHIND = """
			UPDATE webhook_outbox SET lease_owner = NULL, lease_until = NULL
			WHERE lease_until IS NOT NULL AND (lease_owner IS NULL OR lease_owner NOT LIKE :claims ESCAPE '!')""";

	// webhook_outbox_due_idx: a claimed delivery is due (delivered and given-up ones have neither a lease nor a next
	// attempt), where the table holds the deliveries of the whole retention time.
	private static final String OWNERS = """
			SELECT DISTINCT lease_owner FROM webhook_outbox WHERE next_attempt_at IS NOT NULL AND lease_owner IS NOT NULL""";

	private static final String RELEASE_OWNERS = """
			UPDATE webhook_outbox SET lease_owner = NULL, lease_until = NULL WHERE lease_owner IN (:owners)""";

	private static final String SUCCEEDED_STATUS = "UPDATE webhook_status SET last_success_at = :now WHERE hook = :hook";

	private static final String FAILED_STATUS = """
			UPDATE webhook_status SET last_failure_at = :now, last_error = :error WHERE hook = :hook""";

	private static final String NEW_STATUS = "INSERT INTO webhook_status (hook) VALUES (:hook) ON CONFLICT DO NOTHING";

	private static final String COUNTS = """
			SELECT hook,
			       SUM(CASE WHEN next_attempt_at IS NOT NULL THEN 1 ELSE 0 END) AS pending,
			       SUM(CASE WHEN next_attempt_at IS NULL AND delivered_at IS NULL THEN 1 ELSE 0 END) AS given_up
			FROM webhook_outbox WHERE hook IN (:hooks) GROUP BY hook""";

	private static final String STATUSES = """
			SELECT hook, last_success_at, last_failure_at, last_error FROM webhook_status WHERE hook IN (:hooks)""";

	// Done with: delivered or given up, and old enough that no poll will tell of the story again.
	private static final String PRUNE = """
			DELETE FROM webhook_outbox WHERE created_at < :cutoff AND next_attempt_at IS NULL""";

	private final JdbcClient jdbc;

	private final KeyHashes hashes;

	private final DataSource dataSource;

	private final Environment environment;

	private final LeaseOwner self;

	WebhookOutbox(JdbcClient jdbc, KeyHashes hashes, DataSource dataSource, Environment environment,
			LeaseOwner self) {
		this.jdbc = jdbc;
		this.hashes = hashes;
		this.dataSource = dataSource;
		this.environment = environment;
		this.self = self;
	}

	/** Every item of these stories, each story's first first: one query through item_story_hash_idx. */
	public List<StoryTelling> tellings(Collection<String> storyKeys) {
		if (storyKeys.isEmpty()) {
			return List.of();
		}
		List<StoryTelling> tellings = new ArrayList<>();
		for (List<String> chunk : ManyRows.chunks(List.copyOf(new LinkedHashSet<>(storyKeys)), ManyRows.KEYS_PER_QUERY)) {
			tellings.addAll(this.jdbc.sql(TELLINGS.formatted(this.hashes.storyIn("item")))
				.param("hashes", KeyHash.of(chunk))
				.param("keys", chunk)
				.query((row, n) -> new StoryTelling(row.getLong("id"), row.getString("source_id"),
						row.getString("story_key"), row.getString("title"), row.getString("link"),
						Timestamps.read(row, "sort_at")))
				.list());
		}
		return tellings;
	}

	/**
	 * Records a poll's events, due at once: one statement per 1 000, in the caller's transaction. An event already
	 * recorded for its hook and story is left as it is. Returns how many were new.
	 */
	public int enqueue(List<OutboxEvent> events, Instant now) {
		if (events.isEmpty()) {
			return 0;
		}
		Object at = Timestamps.param(now);
		List<Object[]> rows = new ArrayList<>(events.size());
		for (OutboxEvent event : events) {
			rows.add(new Object[] { event.hook(), event.storyKey(), event.event(), truncate(event.title(), 1000),
					event.link(), truncate(String.join(SOURCE_SEPARATOR, event.sources()), 4000),
					Timestamps.param(event.storyAt()), at, 0, at });
		}
		return ManyRows.insert(this.jdbc, INSERT_INTO, rows, "ON CONFLICT DO NOTHING");
	}

	/**
	 * Claims up to {@code batch} deliveries due for these hooks, until {@code until}, and returns them. {@code owner}
	 * names this claim: give each claim its own.
	 */
	public List<OutboxDelivery> claim(List<String> hooks, String owner, Instant now, Instant until, int batch) {
		if (hooks.isEmpty()) {
			return List.of();
		}
		int claimed = this.jdbc.sql(CLAIM)
			.param("owner", owner)
			.param("until", Timestamps.param(until))
			.param("now", Timestamps.param(now))
			.param("hooks", hooks)
			.param("batch", batch)
			.update();
		if (claimed == 0) {
			return List.of();
		}
		return this.jdbc.sql(CLAIMED).param("owner", owner).query(WebhookOutbox::delivery).list();
	}

	/** Marks a claimed delivery made; false if the claim had run out and another instance took it. */
	public boolean delivered(OutboxDelivery delivery, String owner, Instant now) {
		boolean marked = this.jdbc.sql(DELIVERED)
			.param("now", Timestamps.param(now))
			.param("id", delivery.id())
			.param("owner", owner)
			.update() == 1;
		status(SUCCEEDED_STATUS, delivery.hook(), Map.of("now", Timestamps.param(now)));
		return marked;
	}

	/** Marks an attempt failed: tried again at {@code next}, or given up when it is null. */
	public boolean failed(OutboxDelivery delivery, String owner, Instant now, String error, @Nullable Instant next) {
		String reason = truncate(error, 500);
		Map<String, Object> params = new HashMap<>();
		params.put("next", Timestamps.param(next));
		params.put("error", reason);
		params.put("id", delivery.id());
		params.put("owner", owner);
		boolean marked = this.jdbc.sql(FAILED).params(params).update() == 1;
		status(FAILED_STATUS, delivery.hook(), Map.of("now", Timestamps.param(now), "error", reason));
		return marked;
	}

	/** Gives back the deliveries of a claim not yet marked made or failed: due again at once, for any instance. */
	public void release(List<OutboxDelivery> claimed, String owner) {
		if (!claimed.isEmpty()) {
			this.jdbc.sql(RELEASE).param("ids", claimed.stream().map(OutboxDelivery::id).toList()).param("owner", owner).update();
		}
	}

	/**
	 * Gives back the deliveries that instances killed on this store had claimed (a {@code kill -9}, a crash): they
	 * would wait for the lease to run out ({@code timeout} × the batch + 60 s, nearly 3 minutes by default). As
	 * {@link SourceLeases#releaseLeftBehind} does for the polls: at a start on the H2 file, every claim but those of
	 * {@code instance} (claims named {@code instance#n}); on PostgreSQL, the claims of the instances that are gone. The
	 * receiver may have had the delivery the killed run was sending: it gets it again, with the same id.
	 * @return how many it gave back
	 */
	public int releaseLeftBehind(String instance) {
		if (ExclusiveStore.exclusive(this.dataSource, this.environment)) {
			String claims = instance.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "#%";
			return this.jdbc.sql(RELEASE_LEFT_BEHIND).param("claims", claims).update();
		}
		return this.self.releaseGone(this.jdbc, OWNERS, RELEASE_OWNERS);
	}

	/** How each of these hooks fared, in their order. */
	public List<WebhookRecord> records(List<String> hooks) {
		if (hooks.isEmpty()) {
			return List.of();
		}
		Map<String, long[]> counts = new HashMap<>();
		this.jdbc.sql(COUNTS).param("hooks", hooks).query((row) -> {
			counts.put(row.getString("hook"), new long[] { row.getLong("pending"), row.getLong("given_up") });
		});
		Map<String, Object[]> statuses = new HashMap<>();
		this.jdbc.sql(STATUSES).param("hooks", hooks).query((row) -> {
			statuses.put(row.getString("hook"), new Object[] { Timestamps.read(row, "last_success_at"),
					Timestamps.read(row, "last_failure_at"), row.getString("last_error") });
		});
		List<WebhookRecord> records = new ArrayList<>();
		for (String hook : hooks) {
			long[] count = counts.getOrDefault(hook, new long[2]);
			Object[] status = statuses.getOrDefault(hook, new Object[3]);
			records.add(new WebhookRecord(hook, count[0], count[1], (Instant) status[0], (Instant) status[1],
					(String) status[2]));
		}
		return records;
	}

	/** Deletes the deliveries done with (made or given up) that were recorded before the cutoff; returns how many. */
	public int pruneOlderThan(Instant cutoff) {
		return this.jdbc.sql(PRUNE).param("cutoff", Timestamps.param(cutoff)).update();
	}

	/** Updates a hook's status row, creating it the first time. */
	private void status(String update, String hook, Map<String, @Nullable Object> values) {
		Map<String, @Nullable Object> params = new HashMap<>(values);
		params.put("hook", hook);
		if (this.jdbc.sql(update).params(params).update() == 0) {
			this.jdbc.sql(NEW_STATUS).param("hook", hook).update();
			this.jdbc.sql(update).params(params).update();
		}
	}

	private static OutboxDelivery delivery(ResultSet row, int rowNumber) throws SQLException {
		String sources = row.getString("sources");
		return new OutboxDelivery(row.getLong("id"), row.getString("hook"), row.getString("story_key"),
				row.getString("event"), row.getString("title"), row.getString("link"),
				sources.isEmpty() ? List.of() : Arrays.asList(sources.split(SOURCE_SEPARATOR)),
				Timestamps.read(row, "story_at"), row.getInt("attempts"));
	}

	private static @Nullable String truncate(@Nullable String value, int max) {
		return (value != null && value.length() > max) ? value.substring(0, max) : value;
	}

}
