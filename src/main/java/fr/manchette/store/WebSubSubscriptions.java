package fr.manchette.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.manchette.store.WebSubSubscription.State;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The WebSub subscriptions, one per source. Every write of a state is a compare-and-set on the row's revision: of
 * two instances that read the same due subscription, one sends the request; of a hub's verification and the
 * request's own answer, neither undoes the other.
 */
@Repository
public class WebSubSubscriptions {

	private static final String FIND = "SELECT * FROM websub_subscription WHERE source_id = :source";

	// Uses websub_subscription_callback_uq.
	private static final String FIND_BY_CALLBACK = "SELECT * FROM websub_subscription WHERE callback_id = :callback";

	private static final String FIND_ALL = "SELECT * FROM websub_subscription ORDER BY source_id";

	private static final String INSERT = """
			INSERT INTO websub_subscription (source_id, callback_id, hub, topic, secret, state, revision, due_at,
			                                 requested_at, verified_at, lease_until, failures, last_error)
			VALUES (:source, :callback, :hub, :topic, :secret, :state, 0, :dueAt,
			        :requestedAt, :verifiedAt, :leaseUntil, :failures, :lastError)
			ON CONFLICT DO NOTHING""";

	// Every column but last_delivery_at, which deliveries set on their own without a revision.
	private static final String TRANSITION = """
			UPDATE websub_subscription SET callback_id = :callback, hub = :hub, topic = :topic, secret = :secret,
			                               state = :state, revision = revision + 1, due_at = :dueAt,
			                               requested_at = :requestedAt, verified_at = :verifiedAt,
			                               lease_until = :leaseUntil, failures = :failures, last_error = :lastError
			WHERE source_id = :source AND revision = :revision""";

	private static final String DELETE = "DELETE FROM websub_subscription WHERE source_id = :source AND revision = :revision";

	// Uses websub_subscription_due_idx.
	private static final String DUE = """
			SELECT * FROM websub_subscription WHERE due_at <= :now ORDER BY due_at LIMIT :limit""";

	private static final String DELIVERED = """
			UPDATE websub_subscription SET last_delivery_at = :at WHERE source_id = :source""";

	private final JdbcClient jdbc;

	WebSubSubscriptions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<WebSubSubscription> find(String sourceId) {
		return this.jdbc.sql(FIND).param("source", sourceId).query(WebSubSubscriptions::row).optional();
	}

	/** The subscription a hub calls back about, by the id in the callback URL. */
	public Optional<WebSubSubscription> findByCallback(String callbackId) {
		return this.jdbc.sql(FIND_BY_CALLBACK).param("callback", callbackId).query(WebSubSubscriptions::row).optional();
	}

	public List<WebSubSubscription> findAll() {
		return this.jdbc.sql(FIND_ALL).query(WebSubSubscriptions::row).list();
	}

	/** Those the subscriber must act on, the longest due first. */
	public List<WebSubSubscription> due(Instant now, int limit) {
		return this.jdbc.sql(DUE).param("now", Timestamps.param(now)).param("limit", limit)
			.query(WebSubSubscriptions::row)
			.list();
	}

	/** Adds a source's first subscription; false when it has one already (another instance was first). */
	public boolean create(WebSubSubscription subscription) {
		return this.jdbc.sql(INSERT).params(params(subscription)).update() == 1;
	}

	/**
	 * Writes {@code next} over the row if it is still at {@code next}'s revision (the one read); false when someone
	 * changed it since. The row's revision moves on by one.
	 */
	public boolean transition(WebSubSubscription next) {
		Map<String, Object> params = params(next);
		params.put("revision", next.revision());
		return this.jdbc.sql(TRANSITION).params(params).update() == 1;
	}

	/** Forgets a subscription if it is still at the revision read; false when someone changed it since. */
	public boolean delete(WebSubSubscription subscription) {
		return this.jdbc.sql(DELETE)
			.param("source", subscription.sourceId())
			.param("revision", subscription.revision())
			.update() == 1;
	}

	/** Notes a delivery accepted from the hub. */
	public void delivered(String sourceId, Instant at) {
		this.jdbc.sql(DELIVERED).param("source", sourceId).param("at", Timestamps.param(at)).update();
	}

	private static Map<String, Object> params(WebSubSubscription subscription) {
		Map<String, Object> params = new HashMap<>();
		params.put("source", subscription.sourceId());
		params.put("callback", subscription.callbackId());
		params.put("hub", subscription.hub());
		params.put("topic", subscription.topic());
		params.put("secret", subscription.secret());
		params.put("state", subscription.state().name());
		params.put("dueAt", Timestamps.param(subscription.dueAt()));
		params.put("requestedAt", Timestamps.param(subscription.requestedAt()));
		params.put("verifiedAt", Timestamps.param(subscription.verifiedAt()));
		params.put("leaseUntil", Timestamps.param(subscription.leaseUntil()));
		params.put("failures", subscription.failures());
		String error = subscription.lastError();
		params.put("lastError", (error != null && error.length() > 2000) ? error.substring(0, 2000) : error);
		return params;
	}

	private static WebSubSubscription row(ResultSet row, int rowNumber) throws SQLException {
		return new WebSubSubscription(row.getString("source_id"), row.getString("callback_id"), row.getString("hub"),
				row.getString("topic"), row.getString("secret"), State.valueOf(row.getString("state")),
				row.getLong("revision"), Timestamps.read(row, "due_at"), Timestamps.read(row, "requested_at"),
				Timestamps.read(row, "verified_at"), Timestamps.read(row, "lease_until"),
				Timestamps.read(row, "last_delivery_at"), row.getInt("failures"), row.getString("last_error"));
	}

}
