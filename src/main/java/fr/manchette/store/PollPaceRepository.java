package fr.manchette.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The pace of each source, kept in its {@code source_status} row beside its health. */
@Repository
public class PollPaceRepository {

	/** A pace's columns, in the order {@link #paceOrNull(String, ResultSet, int)} reads them. */
	static final String COLUMNS = "arrival_rate, rate_observed_hours, poll_interval_seconds, interval_reason";

	static final int COLUMN_COUNT = 4;

	private static final String FIND = "SELECT " + COLUMNS
			+ " FROM source_status WHERE source_id = :source AND poll_interval_seconds IS NOT NULL";

	private static final String RECORD = """
			UPDATE source_status SET arrival_rate = :rate, rate_observed_hours = :hours, poll_interval_seconds = :interval, interval_reason = :reason
			WHERE source_id = :source""";

	private final JdbcClient jdbc;

	PollPaceRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<PollPace> find(String sourceId) {
		return this.jdbc.sql(FIND)
			.param("source", sourceId)
			.query((row, rowNumber) -> paceOrNull(sourceId, row, 1))
			.optional();
	}

	/** Records what a poll decided; its status row is already there (the outcome is recorded first). */
	public void record(PollPace pace) {
		this.jdbc.sql(RECORD).params(params(pace)).update();
	}

	/** The columns of a pace, named as RECORD and SourceStatusRepository's outcome-with-pace name them. */
	static Map<String, Object> params(PollPace pace) {
		Map<String, Object> params = new HashMap<>();
		params.put("source", pace.sourceId());
		params.put("rate", pace.arrivalRate());
		params.put("hours", pace.observedHours());
		params.put("interval", pace.interval().toSeconds());
		params.put("reason", pace.reason());
		return params;
	}

	/**
	 * The pace of a {@code source_status} row read with {@link #COLUMNS} from position {@code first} on; null before
	 * pacing began.
	 */
	static @Nullable PollPace paceOrNull(String sourceId, ResultSet row, int first) throws SQLException {
		long interval = row.getLong(first + 2);
		if (row.wasNull()) {
			return null;
		}
		double rate = row.getDouble(first);
		Double arrivalRate = row.wasNull() ? null : rate;
		double hours = row.getDouble(first + 1);
		Double observedHours = row.wasNull() ? null : hours;
		return new PollPace(sourceId, arrivalRate, observedHours, Duration.ofSeconds(interval),
				row.getString(first + 3));
	}

}
