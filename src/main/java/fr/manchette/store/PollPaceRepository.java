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

	private static final String FIND = """
			SELECT source_id, arrival_rate, rate_observed_hours, poll_interval_seconds, interval_reason FROM source_status
			WHERE source_id = :source AND poll_interval_seconds IS NOT NULL""";

	private static final String RECORD = """
			UPDATE source_status SET arrival_rate = :rate, rate_observed_hours = :hours, poll_interval_seconds = :interval, interval_reason = :reason
			WHERE source_id = :source""";

	private final JdbcClient jdbc;

	PollPaceRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<PollPace> find(String sourceId) {
		return this.jdbc.sql(FIND).param("source", sourceId).query(PollPaceRepository::row).optional();
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

	/** The pace of a {@code source_status} row read whole; null before pacing began. */
	static @Nullable PollPace paceOrNull(ResultSet row) throws SQLException {
		row.getLong("poll_interval_seconds");
		return row.wasNull() ? null : row(row, 0);
	}

	private static PollPace row(ResultSet row, int rowNumber) throws SQLException {
		double rate = row.getDouble("arrival_rate");
		Double arrivalRate = row.wasNull() ? null : rate;
		double hours = row.getDouble("rate_observed_hours");
		Double observedHours = row.wasNull() ? null : hours;
		return new PollPace(row.getString("source_id"), arrivalRate, observedHours,
				Duration.ofSeconds(row.getLong("poll_interval_seconds")), row.getString("interval_reason"));
	}

}
