package fr.manchette.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The leases on sources that let several instances share one timetable ({@code source_status}): which sources are
 * due, claiming some of them for an instance, renewing a claim a long poll still needs, giving them all back. A poll's
 * recorded outcome ends its lease ({@link SourceStatusRepository#recordOutcome}).
 */
@Repository
public class SourceLeases {

	// Uses source_status_due_idx: sources no longer in feeds.yml have no next attempt (see unschedule).
	private static final String DUE = """
			SELECT source_id FROM source_status
			WHERE next_attempt_at <= :now AND (lease_until IS NULL OR lease_until < :now)
			ORDER BY next_attempt_at
			LIMIT :limit""";

	// The compare-and-set that makes a claim exclusive: the row locks of the UPDATE serialise rival instances,
	// and the loser finds the condition false on the rows the winner took and leaves them alone.
	private static final String CLAIM = """
			UPDATE source_status SET lease_owner = :owner, lease_until = :until
			WHERE source_id IN (:sources) AND next_attempt_at <= :now AND (lease_until IS NULL OR lease_until < :now)""";

	// The claim that reads back the rows it took, in the same statement: each engine says it in its own words.
	private static final String CLAIM_H2 = "SELECT " + SourceStatusRepository.START + " FROM FINAL TABLE (" + CLAIM
			+ ")";

	private static final String CLAIM_POSTGRESQL = CLAIM + " RETURNING " + SourceStatusRepository.START;

	// Only while this owner still holds the lease: a poll that ended, or a lease another instance took over, is left.
	private static final String RENEW = """
			UPDATE source_status SET lease_until = :until WHERE source_id IN (:sources) AND lease_owner = :owner""";

	private static final String RELEASE = """
			UPDATE source_status SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = :owner""";

	// Every lease but this instance's own (it has none yet at its start, but nothing here depends on that).
	private static final String RELEASE_LEFT_BEHIND = """
			UPDATE source_status SET lease_owner = NULL, lease_until = NULL
			WHERE lease_until IS NOT NULL AND (lease_owner IS NULL OR lease_owner <> :owner)""";

	private static final String RELEASE_BUT = RELEASE + " AND source_id NOT IN (:kept)";

	private static final String RELEASE_ONLY = RELEASE + " AND source_id IN (:sources)";

	// One row a source: small enough to read whole.
	private static final String OWNERS = "SELECT DISTINCT lease_owner FROM source_status WHERE lease_owner IS NOT NULL";

	private static final String RELEASE_OWNERS = """
			UPDATE source_status SET lease_owner = NULL, lease_until = NULL WHERE lease_owner IN (:owners)""";

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final Environment environment;

	private final LeaseOwner self;

	private final StoreEngineOnce engine;

	SourceLeases(JdbcClient jdbc, JdbcOperations operations, DataSource dataSource, Environment environment,
			LeaseOwner self) {
		this.jdbc = jdbc;
		this.engine = new StoreEngineOnce(operations);
		this.dataSource = dataSource;
		this.environment = environment;
		this.self = self;
	}

	/** Sources that are due and not claimed by anyone, the longest due first. */
	public List<String> due(Instant now, int limit) {
		return this.jdbc.sql(DUE)
			.param("now", Timestamps.param(now))
			.param("limit", limit)
			.query(String.class)
			.list();
	}

	/** Claims a due source until {@code until}; false when another instance was first or it is not due. */
	public boolean claim(String sourceId, String owner, Instant now, Instant until) {
		return !claim(List.of(sourceId), owner, now, until).isEmpty();
	}

	/**
	 * Claims those of these sources that are due and not leased, until {@code until}, in one statement for them all,
	 * which reads back the rows it took (H2's {@code FINAL TABLE}, PostgreSQL's {@code RETURNING}: a second statement
	 * for that was an eighth of a round of 304s' statements); returns what a poll of each source won starts from. A
	 * source another instance was first to, or that is not due, is not among them.
	 */
	public List<PollStart> claim(Collection<String> sourceIds, String owner, Instant now, Instant until) {
		if (sourceIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql((this.engine.get() == StoreEngine.POSTGRESQL) ? CLAIM_POSTGRESQL : CLAIM_H2)
			.param("owner", owner)
			.param("until", Timestamps.param(until))
			.param("sources", padded(sourceIds))
			.param("now", Timestamps.param(now))
			.query(SourceStatusRepository::start)
			.list();
	}

	/**
	 * The ids with the last one repeated up to a power of two (4 at least): {@code IN} lists of a few lengths only,
	 * so that the database parses a claim's statement a few times, not at each claim (ticks claim 1 to 8).
	 */
	static List<String> padded(Collection<String> sourceIds) {
		List<String> ids = new ArrayList<>(sourceIds);
		int length = Math.max(4, Integer.highestOneBit(ids.size() - 1) << 1);
		while (ids.size() < length) {
			ids.add(ids.get(ids.size() - 1));
		}
		return ids;
	}

	/**
	 * Moves the end of these sources' leases to {@code until}, for those {@code owner} still holds: a poll that takes
	 * longer than the lease keeps its source. One statement; returns how many leases it renewed.
	 */
	public int renew(Collection<String> sourceIds, String owner, Instant until) {
		if (sourceIds.isEmpty()) {
			return 0;
		}
		return this.jdbc.sql(RENEW)
			.param("owner", owner)
			.param("until", Timestamps.param(until))
			.param("sources", List.copyOf(sourceIds))
			.update();
	}

	/**
	 * Gives back the leases that instances killed on this store left behind (a {@code kill -9}, a crash, an exit on
	 * {@code OutOfMemoryError}): their sources would wait for them to run out (the lease, a minute by default). On a
	 * store that this process alone can open ({@link ExclusiveStore}: the H2 file), every lease but those of
	 * {@code owner}, this instance, is that of a run that has ended: a start gives them all back. On PostgreSQL, which
	 * several instances share, those of the instances that are gone ({@link LeaseOwner}: their lock is free), at a
	 * start and every few seconds ({@link GoneInstanceLeases}); a live instance's are never taken. On H2 with
	 * {@code AUTO_SERVER} nothing tells a dead instance from a live one: the leases run out.
	 * @return how many it gave back
	 */
	public int releaseLeftBehind(String owner) {
		if (ExclusiveStore.exclusive(this.dataSource, this.environment)) {
			return this.jdbc.sql(RELEASE_LEFT_BEHIND).param("owner", owner).update();
		}
		return this.self.releaseGone(this.jdbc, OWNERS, RELEASE_OWNERS);
	}

	/** Gives back every lease an instance holds, when it stops. */
	public int release(String owner) {
		return this.jdbc.sql(RELEASE).param("owner", owner).update();
	}

	/**
	 * Gives back the leases an instance holds on these sources, which it polls no more: they are due again at once,
	 * for any instance. One statement.
	 */
	public int giveBack(String owner, Collection<String> sourceIds) {
		if (sourceIds.isEmpty()) {
			return 0;
		}
		return this.jdbc.sql(RELEASE_ONLY).param("owner", owner).param("sources", List.copyOf(sourceIds)).update();
	}

	/** Gives back the leases an instance holds, when it stops, but those of {@code kept}. */
	public int release(String owner, Collection<String> kept) {
		if (kept.isEmpty()) {
			return release(owner);
		}
		return this.jdbc.sql(RELEASE_BUT).param("owner", owner).param("kept", List.copyOf(kept)).update();
	}

}
