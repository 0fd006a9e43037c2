package fr.manchette.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import fr.manchette.config.Source;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.Assert;

/** One health row per source. */
@Repository
public class SourceStatusRepository {

	/**
	 * The columns of a status, then of a pace, in the order {@link #row} and {@link #start} read them: by position,
	 * since a lookup by name costs H2 an upper-casing and a hash probe per value: for {@code /api/sources}' thousand
	 * rows, reading by position took a sixth off the request's CPU (4.3-4.6 ms to 3.5-4.3).
	 */
	private static final String STATUS = """
			source_id, url, last_attempt_at, last_success_at, last_outcome, consecutive_failures, last_error, etag,
			last_modified, next_attempt_at, moved_to, declared_interval_seconds, reading""";

	/** Columns of {@link #STATUS}: those of the pace follow. */
	private static final int STATUS_COLUMNS = 13;

	/** What {@link #start} reads. */
	static final String START = STATUS + ", " + PollPaceRepository.COLUMNS;

	private static final String FIND = "SELECT " + START + " FROM source_status WHERE source_id = :source";

	private static final String FIND_ALL = "SELECT " + STATUS + " FROM source_status ORDER BY source_id";

	// The status and the pace, then the item count and the delays: standings() reads them by position.
	private static final String STANDINGS = "SELECT " + START
			+ ", item_count, recent_delays FROM source_status ORDER BY source_id";

	private static final String ITEM_COUNTS = "SELECT source_id, item_count FROM source_status";

	private static final String INSERT = """
			INSERT INTO source_status (source_id, url, last_attempt_at, last_success_at, last_outcome,
			                           consecutive_failures, last_error, etag, last_modified, next_attempt_at,
			                           moved_to, declared_interval_seconds, reading, item_count)
			VALUES (:source, :url, :lastAttemptAt, :lastSuccessAt, :lastOutcome,
			        :consecutiveFailures, :lastError, :etag, :lastModified, :nextAttemptAt,
			        :movedTo, :declaredInterval, :reading, :added)
			ON CONFLICT DO NOTHING""";

	// What a poll's outcome sets, and ends its lease. A next poll asked for while this one ran (pollBy, under its
	// lease, after its start) is kept if it comes first: the poll may have fetched what was there before the ask.
	private static final String OUTCOME = """
			UPDATE source_status SET url = :url, last_attempt_at = :lastAttemptAt, last_success_at = :lastSuccessAt,
			                         last_outcome = :lastOutcome, consecutive_failures = :consecutiveFailures,
			                         last_error = :lastError, etag = :etag, last_modified = :lastModified,
			                         next_attempt_at = CASE WHEN lease_owner IS NOT NULL
			                                                 AND next_attempt_at > :lastAttemptAt
			                                                 AND next_attempt_at < :nextAttemptAt
			                                            THEN next_attempt_at ELSE :nextAttemptAt END,
			                         moved_to = :movedTo,
			                         declared_interval_seconds = :declaredInterval, reading = :reading,
			                         item_count = item_count + :added, lease_owner = NULL, lease_until = NULL""";

	private static final String UPDATE = OUTCOME + " WHERE source_id = :source";

	// UPDATE and the pace the poll decided, in one statement (see PollPaceRepository).
	private static final String UPDATE_WITH_PACE = OUTCOME + """
			, arrival_rate = :rate, rate_observed_hours = :hours, poll_interval_seconds = :interval,
			  interval_reason = :reason
			WHERE source_id = :source""";

	private static final String TIMETABLE = "SELECT source_id, next_attempt_at IS NULL, url, reading FROM source_status";

	private static final String SCHEDULED = "SELECT source_id FROM source_status WHERE next_attempt_at IS NOT NULL";

	// A source with no next attempt is due again: one taken out of feeds.yml and put back, or one gone (410) whose url
	// the operator changed. So is one given another url or read otherwise (type, selectors), whatever its timetable: a
	// backoff earned by failures of the old one would hold the new one back for up to 6 hours, and a poll of the old
	// one under way (leased) would set the next an interval away; its outcome keeps this one (OUTCOME). A reading not
	// known (NULL) is no change.
	private static final String SCHEDULE_EDITED = """
			UPDATE source_status SET next_attempt_at = :at
			WHERE source_id = :source
			  AND ((next_attempt_at IS NULL AND (last_outcome IS NULL OR last_outcome <> 'GONE'))
			       OR ((url <> :url OR reading <> :reading)
			           AND (next_attempt_at IS NULL OR next_attempt_at > :at OR lease_owner IS NOT NULL)))""";

	private static final String UNSCHEDULE = """
			UPDATE source_status SET next_attempt_at = NULL WHERE next_attempt_at IS NOT NULL AND source_id IN (:leaving)""";

	private static final String FORGET_VALIDATORS = """
			UPDATE source_status SET etag = NULL, last_modified = NULL
			WHERE (etag IS NOT NULL OR last_modified IS NOT NULL) AND source_id IN (:sources)""";

	private static final String UNSCHEDULE_ALL = "UPDATE source_status SET next_attempt_at = NULL WHERE next_attempt_at IS NOT NULL";

	// A push is a success that leaves the poll's validators, timetable and lease alone.
	private static final String DELIVERED = """
			UPDATE source_status SET last_success_at = :at, last_outcome = 'OK', consecutive_failures = 0,
			                         last_error = NULL, item_count = item_count + :added
			WHERE source_id = :source""";

	// A source being polled (leased) is due already: its next poll is asked for, which the outcome keeps (OUTCOME).
	private static final String POLL_BY = """
			UPDATE source_status SET next_attempt_at = :at
			WHERE source_id = :source AND (next_attempt_at > :at OR (lease_owner IS NOT NULL AND next_attempt_at IS NOT NULL))""";

	// One row a source: small enough to read whole.
	private static final String LATEST_ATTEMPT = """
			SELECT last_attempt_at FROM source_status WHERE last_attempt_at IS NOT NULL
			ORDER BY last_attempt_at DESC LIMIT 1""";

	private static final String DUE_AFTER = """
			SELECT source_id, next_attempt_at FROM source_status WHERE next_attempt_at > :now""";

	// Only if no poll's outcome has set it since it was read.
	private static final String MOVE_DUE = """
			UPDATE source_status SET next_attempt_at = :at WHERE source_id = :source AND next_attempt_at = :was""";

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate batch;

	private final TransactionTemplate transaction;

	SourceStatusRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch, TransactionTemplate transaction) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.transaction = transaction;
	}

	public Optional<SourceStatus> find(String sourceId) {
		return this.jdbc.sql(FIND).param("source", sourceId).query(SourceStatusRepository::row).optional();
	}

	/** A source's status and pace in one statement: what a poll that was not claimed by the scheduler starts from. */
	public Optional<PollStart> findStart(String sourceId) {
		return this.jdbc.sql(FIND).param("source", sourceId).query(SourceStatusRepository::start).optional();
	}

	public List<SourceStatus> findAll() {
		return this.jdbc.sql(FIND_ALL).query(SourceStatusRepository::row).list();
	}

	/**
	 * Every source's status with its item count, pace and latest delays, in one scan of the table: a client that
	 * watches {@code /api/sources} during a burst of polls reads it several times a second.
	 */
	public List<SourceStanding> standings() {
		int itemCount = STATUS_COLUMNS + PollPaceRepository.COLUMN_COUNT + 1;
		return this.jdbc.sql(STANDINGS).query((row, rowNumber) -> {
			String sourceId = row.getString(1);
			return new SourceStanding(row(row, rowNumber), row.getLong(itemCount),
					PollPaceRepository.paceOrNull(sourceId, row, STATUS_COLUMNS + 1),
					PublishDelayRepository.delaysOrNull(sourceId, row.getString(itemCount + 1)));
		}).list();
	}

	/** Records the outcome of a poll that stored nothing: the row is created the first time, replaced afterwards. */
	public void recordOutcome(SourceStatus status) {
		recordOutcome(status, 0);
	}

	/**
	 * Records the outcome of a poll and counts the items it added to the source's, in the poll's transaction: the
	 * row is created the first time, replaced afterwards.
	 */
	public void recordOutcome(SourceStatus status, int itemsAdded) {
		Map<String, Object> params = outcomeParams(status, itemsAdded);
		// The row is nearly always there (schedule made it): the update first, the insert the first time only.
		if (this.jdbc.sql(UPDATE).params(params).update() == 0) {
			this.jdbc.sql(INSERT).params(params).update();
		}
	}

	/**
	 * Records the outcome of a poll that stored nothing and the pace it decided, in one statement when the row is
	 * there (it nearly always is: schedule made it).
	 */
	public void recordOutcome(SourceStatus status, PollPace pace) {
		Assert.isTrue(pace.sourceId().equals(status.sourceId()), "the pace of another source");
		Map<String, Object> params = outcomeParams(status, 0);
		params.putAll(PollPaceRepository.params(pace));
		if (this.jdbc.sql(UPDATE_WITH_PACE).params(params).update() == 0) {
			this.jdbc.sql(INSERT).params(params).update();
			this.jdbc.sql(UPDATE_WITH_PACE).params(params).update();
		}
	}

	/**
	 * Records the outcomes of several polls that stored nothing, each with the pace it decided: one statement run
	 * for them all in one transaction, where {@link #recordOutcome(SourceStatus, PollPace)} commits each alone.
	 */
	public void recordOutcomes(List<Outcome> outcomes) {
		if (outcomes.size() == 1) {
			recordOutcome(outcomes.get(0).status(), outcomes.get(0).pace());
			return;
		}
		List<Map<String, Object>> params = new ArrayList<>(outcomes.size());
		for (Outcome outcome : outcomes) {
			Assert.isTrue(outcome.pace().sourceId().equals(outcome.status().sourceId()), "the pace of another source");
			Map<String, Object> one = outcomeParams(outcome.status(), 0);
			one.putAll(PollPaceRepository.params(outcome.pace()));
			params.add(one);
		}
		this.transaction.executeWithoutResult((tx) -> {
			@SuppressWarnings("unchecked")
			int[] updated = this.batch.batchUpdate(UPDATE_WITH_PACE, params.toArray(new Map[0]));
			for (int i = 0; i < updated.length; i++) {
				// 0 when the row is not there (it nearly always is: schedule made it); unknown counts are taken as done.
				if (updated[i] == 0) {
					this.jdbc.sql(INSERT).params(params.get(i)).update();
					this.jdbc.sql(UPDATE_WITH_PACE).params(params.get(i)).update();
				}
			}
		});
	}

	/** The outcome of a poll that stored nothing, and the pace it decided. */
	public record Outcome(SourceStatus status, PollPace pace) {
	}

	private static Map<String, Object> outcomeParams(SourceStatus status, int itemsAdded) {
		Map<String, Object> params = new HashMap<>();
		params.put("added", itemsAdded);
		params.put("source", status.sourceId());
		params.put("url", status.url());
		params.put("lastAttemptAt", Timestamps.param(status.lastAttemptAt()));
		params.put("lastSuccessAt", Timestamps.param(status.lastSuccessAt()));
		params.put("lastOutcome", status.lastOutcome().storedName());
		params.put("consecutiveFailures", status.consecutiveFailures());
		params.put("lastError", truncate(status.lastError(), 2000));
		params.put("etag", truncate(status.etag(), 1024));
		params.put("lastModified", truncate(status.lastModified(), 128));
		params.put("nextAttemptAt", Timestamps.param(status.nextAttemptAt()));
		params.put("movedTo", truncate(status.movedTo(), 2048));
		params.put("declaredInterval",
				(status.declaredInterval() != null) ? status.declaredInterval().toSeconds() : null);
		params.put("reading", status.reading());
		return params;
	}

	/**
	 * Records content a WebSub hub pushed for a source, in the delivery's transaction: a success, and its new items
	 * counted. Validators, timetable and lease stay the polls'. Nothing happens to a source with no status row: the
	 * scheduler makes one for every source of feeds.yml.
	 */
	public void recordDelivery(String sourceId, Instant at, int itemsAdded) {
		this.jdbc.sql(DELIVERED)
			.param("source", sourceId)
			.param("at", Timestamps.param(at))
			.param("added", itemsAdded)
			.update();
	}

	/**
	 * Brings a source's next poll forward to {@code at} if it was due later (a hub that stopped pushing it: polling
	 * takes over at once), or to after the poll under way if there is one (which may have fetched the feed before the
	 * operator fixed it); a source taken out of the timetable stays out.
	 */
	public void pollBy(String sourceId, Instant at) {
		this.jdbc.sql(POLL_BY).param("source", sourceId).param("at", Timestamps.param(at)).update();
	}

	/** When the latest poll began that any instance recorded, if one did. */
	public Optional<Instant> latestAttempt() {
		return this.jdbc.sql(LATEST_ATTEMPT).query((row, n) -> Timestamps.read(row, 1)).optional();
	}

	/**
	 * Moves every poll due after {@code now} that much earlier: the clock went back by {@code jump}, and the timetable
	 * it wrote before goes back with it, each source as far from its last poll as it was. One statement a source
	 * (this is rare); returns how many moved.
	 */
	public int moveDueTimesBack(Instant now, Duration jump) {
		Map<String, Instant> dueAfter = new HashMap<>();
		this.jdbc.sql(DUE_AFTER)
			.param("now", Timestamps.param(now))
			.query((row) -> {
				dueAfter.put(row.getString(1), Timestamps.read(row, 2));
			});
		int moved = 0;
		for (Map.Entry<String, Instant> due : dueAfter.entrySet()) {
			moved += this.jdbc.sql(MOVE_DUE)
				.param("source", due.getKey())
				.param("at", Timestamps.param(due.getValue().minus(jump)))
				.param("was", Timestamps.param(due.getValue()))
				.update();
		}
		return moved;
	}

	/**
	 * Gives each source that has no status yet a first poll time, and puts back in the timetable a source that has
	 * none (taken out of feeds.yml and put back, or gone and given another url); a source given another url, or read
	 * otherwise, is polled at that time too, if it was due later (in its backoff) or is being polled the old way. Other
	 * timetables are kept: a restart does not poll everything again. A few statements for the whole file.
	 */
	public void schedule(List<FirstPoll> sources) {
		// The timetable read once and compared here: at every start and reload all sources are known, and an insert
		// that conflicts on each of a thousand rows took H2 a third of a second, with the polls waiting for it.
		Map<String, Boolean> unscheduled = new HashMap<>();
		Map<String, String> urls = new HashMap<>();
		Map<String, String> readings = new HashMap<>();
		this.jdbc.sql(TIMETABLE).query((row) -> {
			unscheduled.put(row.getString(1), row.getBoolean(2));
			urls.put(row.getString(1), row.getString(3));
			readings.put(row.getString(1), row.getString(4));
		});
		List<Object[]> rows = new ArrayList<>();
		for (FirstPoll source : sources) {
			Boolean off = unscheduled.get(source.sourceId());
			String reading = readings.get(source.sourceId());
			if (off == null) {
				rows.add(new Object[] { source.sourceId(), source.url(), source.reading(), 0,
						Timestamps.param(source.at()) });
			}
			else if (off || !source.url().equals(urls.get(source.sourceId()))
					|| (reading != null && !reading.equals(source.reading()))) {
				this.jdbc.sql(SCHEDULE_EDITED)
					.params(Map.of("source", source.sourceId(), "url", source.url(), "reading", source.reading(), "at",
							Timestamps.param(source.at())))
					.update();
			}
		}
		// Another instance may insert the same new source at the same moment.
		ManyRows.insert(this.jdbc, "source_status (source_id, url, reading, consecutive_failures, next_attempt_at)",
				rows, "ON CONFLICT DO NOTHING");
	}

	/** {@link #schedule(List)} for one source, read as a feed. */
	public void schedule(String sourceId, String url, Instant firstAttemptAt) {
		schedule(List.of(new FirstPoll(sourceId, url, Source.FEED_READING, firstAttemptAt)));
	}

	/**
	 * A source of feeds.yml, and when to poll it first if it has never been.
	 * @param reading how its body is read ({@link Source#reading()})
	 */
	public record FirstPoll(String sourceId, String url, String reading, Instant at) {
	}

	/**
	 * Takes every source but these out of the timetable: those no longer in feeds.yml, or disabled. Their status
	 * stays; {@link #schedule} puts one back.
	 */
	public void unschedule(Set<String> keep) {
		if (keep.isEmpty()) {
			this.jdbc.sql(UNSCHEDULE_ALL).update();
			return;
		}
		// Those leaving found here, not by the database: NOT IN a list of a thousand sources made H2 compare each row
		// with the whole list.
		List<String> leaving = this.jdbc.sql(SCHEDULED)
			.query(String.class)
			.list()
			.stream()
			.filter((id) -> !keep.contains(id))
			.toList();
		takeOut(leaving);
	}

	/**
	 * Forgets these sources' validators: their next poll asks for the whole feed, without {@code ETag} or
	 * {@code Last-Modified}, and what a poll learns from a body only (the items a rule edited lets through, the hub
	 * a feed announces) is read again, though the feed did not change.
	 */
	public void forgetValidators(Collection<String> sources) {
		for (List<String> chunk : ManyRows.chunks(List.copyOf(sources), ManyRows.KEYS_PER_QUERY)) {
			this.jdbc.sql(FORGET_VALIDATORS).param("sources", chunk).update();
		}
	}

	/** Takes these sources out of the timetable: those that left feeds.yml. Their status stays. */
	public void takeOut(Collection<String> leaving) {
		for (List<String> chunk : ManyRows.chunks(List.copyOf(leaving), ManyRows.KEYS_PER_QUERY)) {
			this.jdbc.sql(UNSCHEDULE).param("leaving", chunk).update();
		}
	}

	/** The number of stored items of each source that has a status. */
	public Map<String, Long> itemCounts() {
		Map<String, Long> counts = new HashMap<>();
		this.jdbc.sql(ITEM_COUNTS).query((row) -> {
			counts.put(row.getString("source_id"), row.getLong("item_count"));
		});
		return counts;
	}

	private static String truncate(String value, int max) {
		return (value != null && value.length() > max) ? value.substring(0, max) : value;
	}

	/** The status of a row whose first columns are {@link #STATUS}. */
	private static SourceStatus row(ResultSet row, int rowNumber) throws SQLException {
		return new SourceStatus(row.getString(1), row.getString(2), Timestamps.read(row, 3), Timestamps.read(row, 4),
				PollOutcome.stored(row.getString(5)), row.getInt(6), row.getString(7), row.getString(8),
				row.getString(9), Timestamps.read(row, 10), row.getString(11), declaredInterval(row, 12),
				row.getString(13));
	}

	/** The status and pace of a row whose first columns are {@link #START}. */
	static PollStart start(ResultSet row, int rowNumber) throws SQLException {
		return new PollStart(row(row, rowNumber),
				PollPaceRepository.paceOrNull(row.getString(1), row, STATUS_COLUMNS + 1));
	}

	private static Duration declaredInterval(ResultSet row, int column) throws SQLException {
		long seconds = row.getLong(column);
		return row.wasNull() ? null : Duration.ofSeconds(seconds);
	}

}
