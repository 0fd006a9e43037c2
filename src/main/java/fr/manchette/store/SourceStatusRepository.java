package fr.manchette.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** One health row per source. */
@Repository
public class SourceStatusRepository {

	private static final String FIND = "SELECT * FROM source_status WHERE source_id = :source";

	private static final String FIND_ALL = "SELECT * FROM source_status ORDER BY source_id";

	private static final String INSERT = """
			INSERT INTO source_status (source_id, url, last_attempt_at, last_success_at, last_outcome,
			                           consecutive_failures, last_error, etag, last_modified, next_attempt_at,
			                           moved_to, declared_interval_seconds)
			VALUES (:source, :url, :lastAttemptAt, :lastSuccessAt, :lastOutcome,
			        :consecutiveFailures, :lastError, :etag, :lastModified, :nextAttemptAt,
			        :movedTo, :declaredInterval)
			ON CONFLICT DO NOTHING""";

	private static final String UPDATE = """
			UPDATE source_status SET url = :url, last_attempt_at = :lastAttemptAt, last_success_at = :lastSuccessAt,
			                         last_outcome = :lastOutcome, consecutive_failures = :consecutiveFailures,
			                         last_error = :lastError, etag = :etag, last_modified = :lastModified,
			                         next_attempt_at = :nextAttemptAt, moved_to = :movedTo,
			                         declared_interval_seconds = :declaredInterval
			WHERE source_id = :source""";

	private final JdbcClient jdbc;

	SourceStatusRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<SourceStatus> find(String sourceId) {
		return this.jdbc.sql(FIND).param("source", sourceId).query(SourceStatusRepository::row).optional();
	}

	public List<SourceStatus> findAll() {
		return this.jdbc.sql(FIND_ALL).query(SourceStatusRepository::row).list();
	}

	/** Records the outcome of a poll: the row is created the first time, replaced afterwards. */
	public void recordOutcome(SourceStatus status) {
		Map<String, Object> params = new HashMap<>();
		params.put("source", status.sourceId());
		params.put("url", status.url());
		params.put("lastAttemptAt", Timestamps.param(status.lastAttemptAt()));
		params.put("lastSuccessAt", Timestamps.param(status.lastSuccessAt()));
		params.put("lastOutcome", status.lastOutcome());
		params.put("consecutiveFailures", status.consecutiveFailures());
		params.put("lastError", truncate(status.lastError(), 2000));
		params.put("etag", truncate(status.etag(), 1024));
		params.put("lastModified", truncate(status.lastModified(), 128));
		params.put("nextAttemptAt", Timestamps.param(status.nextAttemptAt()));
		params.put("movedTo", truncate(status.movedTo(), 2048));
		params.put("declaredInterval",
				(status.declaredInterval() != null) ? status.declaredInterval().toSeconds() : null);
		if (this.jdbc.sql(INSERT).params(params).update() == 0) {
			this.jdbc.sql(UPDATE).params(params).update();
		}
	}

	private static String truncate(String value, int max) {
		return (value != null && value.length() > max) ? value.substring(0, max) : value;
	}

	private static SourceStatus row(ResultSet row, int rowNumber) throws SQLException {
		return new SourceStatus(row.getString("source_id"), row.getString("url"),
				Timestamps.read(row, "last_attempt_at"), Timestamps.read(row, "last_success_at"),
				row.getString("last_outcome"), row.getInt("consecutive_failures"), row.getString("last_error"),
				row.getString("etag"), row.getString("last_modified"), Timestamps.read(row, "next_attempt_at"),
				row.getString("moved_to"), declaredInterval(row));
	}

	private static Duration declaredInterval(ResultSet row) throws SQLException {
		long seconds = row.getLong("declared_interval_seconds");
		return row.wasNull() ? null : Duration.ofSeconds(seconds);
	}

}
