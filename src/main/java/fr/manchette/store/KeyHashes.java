package fr.manchette.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Whether every item has the hashes of its keys ({@link KeyHash}), and the items stored before they existed given
 * theirs, a batch at a time. Until every item has them, the queries that look items up by key go through the indexes
 * of the full keys, which a store upgraded from a version without the hashes still has: an item not reached yet is
 * found all the same. Once every item has them, the queries go through the hashes' indexes, and those of the full
 * keys are dropped.
 * <p>
 * New items get their hashes when inserted. Only the items stored before the hashes lack them, and the fill is safe
 * to run from several instances at once: a row gets the same numbers whoever computes them, and a row already filled
 * is left alone.
 */
@Repository
public class KeyHashes {

	/** Items per transaction of the fill. */
	static final int BATCH = 1_000;

	// item_story_hash_idx: the items without hashes are at its start (nulls first), and story_hash is never null once
	// filled (an item always has a story).
	private static final String ANY_MISSING = "SELECT id FROM item WHERE story_hash IS NULL LIMIT 1";

	private static final String MISSING = """
			SELECT id, source_id, item_key, story_key, link_key FROM item WHERE story_hash IS NULL LIMIT :batch""";

	// item_source_hash_key: the items of these sources that have these numbers already.
	private static final String TAKEN = "SELECT source_id, item_hash FROM item WHERE (source_id, item_hash) IN (:pairs)";

	private static final String FILL = """
			UPDATE item SET item_hash = :itemHash, story_hash = :storyHash, link_hash = :linkHash
			 WHERE id = :id AND story_hash IS NULL""";

	/**
	 * The indexes of the full keys, which nothing reads once every item has its hashes: each new item is written at a
	 * random place of each.
	 */
	// H2 only (PostgreSQL has no such table): what the file has had written to it since H2 opened it, and its size.
	private static final String H2_FILE = """
			SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS
			 WHERE SETTING_NAME IN ('info.FILE_WRITE_BYTES', 'info.FILE_SIZE', 'RETENTION_TIME')""";

	/** H2's own retention time, should its settings not tell. */
	private static final long H2_RETENTION_MILLIS = 45_000;

	private static final String FULL_KEY_CONSTRAINT = "item_source_key";

	private static final List<String> FULL_KEY_INDEXES = List.of("item_story_idx", "item_link_idx");

	// Standard SQL, on both engines (H2 stores the names in lower case, as it is told to).
	private static final String CONSTRAINT_EXISTS = """
			SELECT COUNT(*) FROM information_schema.table_constraints
			 WHERE LOWER(table_name) = 'item' AND LOWER(constraint_name) = :name""";

	private static final String H2_ITEM_INDEXES = """
			SELECT LOWER(index_name) FROM information_schema.indexes
			 WHERE LOWER(table_name) = 'item' AND table_schema = CURRENT_SCHEMA""";

	private static final String POSTGRES_ITEM_INDEXES = """
			SELECT LOWER(indexname) FROM pg_indexes WHERE tablename = 'item' AND schemaname = CURRENT_SCHEMA""";

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate batch;

	private final TransactionTemplate transaction;

	private final StoreEngineOnce engine;

	private volatile boolean complete;

	private volatile boolean checked;

	/** Whether the store is H2's file, once asked. */
	private volatile @Nullable Boolean h2File;

	KeyHashes(JdbcClient jdbc, NamedParameterJdbcTemplate batch, TransactionTemplate transaction) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.transaction = transaction;
		this.engine = new StoreEngineOnce(batch.getJdbcOperations());
	}

	/**
	 * The condition that a row's story is one of {@code :keys}: through the index of their hashes ({@code :hashes},
	 * see {@link KeyHash#of(java.util.Collection)}) once every item has them, through the full keys' index until then.
	 * @param table the table's name or alias in the statement
	 */
	String storyIn(String table) {
		return complete() ? table + ".story_hash IN (:hashes) AND " + table + ".story_key IN (:keys)"
				: table + ".story_key IN (:keys)";
	}

	/**
	 * Whether every item has its hashes: the queries may go through the hashes' indexes. Asked of the store the first
	 * time; after that, only {@link #fillNext} finding nothing left to fill turns it true.
	 */
	boolean complete() {
		if (!this.complete && !this.checked) {
			this.complete = !anyMissing();
			this.checked = true;
		}
		return this.complete;
	}

	/** How the statements look keys up now: through the full keys until {@link #complete}, then the hashes. */
	KeyLookup lookup() {
		return KeyLookup.of(complete(), this.engine.get());
	}

	/**
	 * Gives their hashes to up to {@link #BATCH} items that lack them, in one transaction; returns how many it found.
	 * When none is left, the queries go through the hashes from then on. An item whose key has the number of another
	 * item of its source keeps no item hash, as {@link ItemRepository#insert} would have stored it.
	 */
	public int fillNext() {
		return fillNext(BATCH);
	}

	/** As {@link #fillNext()}, up to {@code batch} items. */
	int fillNext(int batch) {
		Integer found = this.transaction.execute((tx) -> {
			List<Map<String, Object>> rows = this.jdbc.sql(MISSING).param("batch", batch).query().listOfRows();
			if (rows.isEmpty()) {
				return 0;
			}
			Set<List<Object>> taken = taken(rows);
			MapSqlParameterSource[] params = new MapSqlParameterSource[rows.size()];
			for (int i = 0; i < rows.size(); i++) {
				Map<String, Object> row = rows.get(i);
				long itemHash = KeyHash.of((String) row.get("item_key"));
				// The first of the batch to claim a number has it; another key with that number goes without.
				boolean free = taken.add(List.of(row.get("source_id"), itemHash));
				params[i] = new MapSqlParameterSource().addValue("id", row.get("id"))
					.addValue("itemHash", free ? itemHash : null)
					.addValue("storyHash", KeyHash.of((String) row.get("story_key")))
					.addValue("linkHash", KeyHash.ofNullable((String) row.get("link_key")));
			}
			this.batch.batchUpdate(FILL, params);
			return rows.size();
		});
		if (found == null || found == 0) {
			this.complete = true;
			this.checked = true;
			return 0;
		}
		return found;
	}

	/**
	 * Drops the indexes of the full keys that are still there, once every item has its hashes and the queries have gone
	 * through them: an instance still running on them (it has not seen the fill end yet) is slower for a moment, not
	 * wrong. Nothing is run for those already gone, as at every start but the one after an upgrade's fill: a DDL
	 * statement, even one that finds nothing to drop, takes locks that the polls of a start want too (on PostgreSQL,
	 * {@code ALTER TABLE} takes the whole table).
	 * @return how many it dropped
	 */
	public int dropFullKeyIndexes() {
		if (!complete()) {
			throw new IllegalStateException("Items without the hashes of their keys are still found by the full keys");
		}
		List<String> statements = new ArrayList<>();
		if (this.jdbc.sql(CONSTRAINT_EXISTS).param("name", FULL_KEY_CONSTRAINT).query(Long.class).single() > 0) {
			statements.add("ALTER TABLE item DROP CONSTRAINT IF EXISTS " + FULL_KEY_CONSTRAINT);
		}
		Set<String> indexes = itemIndexes();
		FULL_KEY_INDEXES.stream()
			.filter(indexes::contains)
			.forEach((index) -> statements.add("DROP INDEX IF EXISTS " + index));
		statements.forEach((statement) -> this.jdbc.sql(statement).update());
		return statements.size();
	}

	/**
	 * The names of the item table's indexes, in lower case, from the engine's catalogue: the driver's metadata would
	 * do, but H2 answers it with a query over all its tables that costs a restart's round of polls some 36 ms of CPU.
	 */
	private Set<String> itemIndexes() {
		String sql = (this.engine.get() == StoreEngine.H2) ? H2_ITEM_INDEXES : POSTGRES_ITEM_INDEXES;
		return new HashSet<>(this.jdbc.sql(sql).query(String.class).list());
	}

	/**
	 * How many bytes H2 has written to its file since it opened it, the file's size, and how long H2 keeps what it
	 * wrote before it may write over it: what the fill's pace goes by (see {@code KeyHashBackfill}). Empty on
	 * PostgreSQL, and on H2 in memory.
	 */
	public Optional<H2FileWrites> h2FileWrites() {
		Boolean known = this.h2File;
		if (known == null) {
			// PostgreSQL: nothing to pace. H2 in memory has no file, and leaves these settings out (below).
			known = this.engine.get() == StoreEngine.H2;
		}
		if (!known) {
			this.h2File = false;
			return Optional.empty();
		}
		Map<String, Long> settings = new HashMap<>();
		this.jdbc.sql(H2_FILE)
			.query((row) -> {
				settings.put(row.getString(1), Long.parseLong(row.getString(2)));
			});
		boolean file = settings.containsKey("info.FILE_WRITE_BYTES") && settings.containsKey("info.FILE_SIZE");
		this.h2File = file;
		return file ? Optional.of(new H2FileWrites(settings.get("info.FILE_WRITE_BYTES"), settings.get("info.FILE_SIZE"),
				Duration.ofMillis(settings.getOrDefault("RETENTION_TIME", H2_RETENTION_MILLIS))))
				: Optional.empty();
	}

	/**
	 * Bytes H2 has written to its file since it opened it, the file's size in bytes, and its retention time.
	 * @param written bytes written, of every page of every table
	 * @param size the file's size
	 * @param retention how long H2 writes over no chunk it wrote (5 s while the service forces the file to the disk,
	 * H2's own 45 s, or what the URL sets; see {@code H2FileCompaction})
	 */
	public record H2FileWrites(long written, long size, Duration retention) {
	}

	/** The numbers the rows' sources already give an item: the row's source and number, for each. */
	private Set<List<Object>> taken(List<Map<String, Object>> rows) {
		List<Object[]> pairs = new ArrayList<>(rows.size());
		for (Map<String, Object> row : rows) {
			pairs.add(new Object[] { row.get("source_id"), KeyHash.of((String) row.get("item_key")) });
		}
		Set<List<Object>> taken = new HashSet<>();
		for (List<Object[]> chunk : ManyRows.chunks(pairs, ManyRows.KEYS_PER_QUERY)) {
			this.jdbc.sql(TAKEN)
				.param("pairs", chunk)
				.query((row) -> {
					taken.add(List.of(row.getString("source_id"), row.getLong("item_hash")));
				});
		}
		return taken;
	}

	private boolean anyMissing() {
		return this.jdbc.sql(ANY_MISSING).query(Long.class).optional().isPresent();
	}

}
