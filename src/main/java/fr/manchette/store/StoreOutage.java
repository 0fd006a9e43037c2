package fr.manchette.store;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * The database gone away (restarted, failed over, a network cut that ends the pool's connections): every worker that touches the store fails at once, and again at each of
 * its rounds until it is back. The log says it once, with the first failure, and once when the database answers
 * again, rather than a line (or a stack trace) per worker and per round: none of it is a bug, nor any source's fault.
 */
@Component
public class StoreOutage {

	private static final Logger log = LoggerFactory.getLogger(StoreOutage.class);

	/**
	 * The SQL states of a statement that gave up waiting: PostgreSQL's lock_not_available (lock_timeout),
	 * query_canceled (statement_timeout) and deadlock_detected; H2's lock timeout.
	 */
	private static final Set<String> GAVE_UP = Set.of("55P03", "57014", "40P01", "HYT00");

	/**
	 * The {@code Retry-After} of an answer that the store failed (a 503): seconds to wait, about a restart of
	 * PostgreSQL.
	 */
	public static final String RETRY_AFTER = "30";

	private final Clock clock;

	/** When the outage under way began; null while the database answers. */
	private final AtomicReference<@Nullable Instant> since = new AtomicReference<>();

	/**
	 * Whether the end of an outage of the H2 file is told by {@link #written}: the file is forced to the disk. Not
	 * with an H2 URL that sets its own retention time: then the first worker that reaches the database ends it.
	 */
	private volatile boolean writesWatched;

	/**
	 * Whether the outage under way is the H2 file's: it is over once the file takes writes again, not when a worker
	 * reads. H2 opens the file anew for the next connection, and answers reads from it, while the disk is still full:
	 * the first write it stores fails it again.
	 */
	private volatile boolean fileDown;

	/** How many outages of the H2 file have ended: each may have lost the writes H2 had taken before it failed. */
	private final AtomicLong fileBack = new AtomicLong();

	public StoreOutage(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Whether {@code failure} says that the database could not be reached, rather than that a statement is wrong: no
	 * connection to be had, one cut in the middle, a transaction that could not begin, commit or roll back, an embedded
	 * H2 that could not write its file (and closed the database).
	 */
	public static boolean unreachable(Throwable failure) {
		return causedBy(failure, DataAccessResourceFailureException.class, TransientDataAccessResourceException.class,
				RecoverableDataAccessException.class, CannotCreateTransactionException.class,
				TransactionSystemException.class, SQLTransientConnectionException.class,
				SQLNonTransientConnectionException.class, SQLRecoverableException.class) || H2File.failed(failure);
	}

	/**
	 * Whether {@code failure} says that a statement gave up waiting: a lock held longer than the lock timeout (a table
	 * someone locked), a deadlock, a statement or query timeout.
	 */
	private static boolean heldUp(Throwable failure) {
		if (causedBy(failure, PessimisticLockingFailureException.class, QueryTimeoutException.class,
				SQLTimeoutException.class)) {
			return true;
		}
		// Spring leaves PostgreSQL's lock timeout uncategorized.
		for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& GAVE_UP.contains(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

	private static boolean causedBy(Throwable failure, Class<?>... kinds) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			for (Class<?> kind : kinds) {
				if (kind.isInstance(cause)) {
					return true;
				}
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	/**
	 * Whether {@code failure} is the store's rather than the caller's, said as such: the database away (once for the
	 * outage, see {@link #failed}) or a statement that gave up waiting (a line, without a stack trace). False for
	 * anything else, which the caller reports as its own.
	 * @param what what could not be done, e.g. {@code "polling"}
	 */
	public boolean said(String what, Throwable failure) {
		if (unreachable(failure)) {
			failed(what, failure);
			return true;
		}
		if (heldUp(failure)) {
			log.warn("The database did not answer in time: {} put off detail={}", what, detail(failure));
			return true;
		}
		return false;
	}

	/**
	 * A worker could not reach the database: the first failure of an outage is logged, as a warning without a stack
	 * trace; the others are not, but at debug level.
	 * @param what what could not be done, e.g. {@code "polling"}
	 */
	public void failed(String what, Throwable failure) {
		String detail = detail(failure);
		if (H2File.failed(failure)) {
			this.fileDown = true;
		}
		if (this.since.compareAndSet(null, this.clock.instant())) {
			log.warn("The database cannot be reached: {} waits for it, and the rest with it; feeds and the ticker are "
					+ "served as last published detail={}", what, detail);
		}
		else {
			log.debug("The database cannot be reached: {} waits for it detail={}", what, detail);
		}
	}

	/**
	 * A worker reached the database: the end of an outage, if one was under way, is logged once; not of one of the
	 * H2 file's, which ends when it is {@link #written}.
	 */
	public void answered() {
		if (!this.fileDown || !this.writesWatched) {
			this.fileDown = false;
			end();
		}
	}

	/** From now on, the end of an outage of the H2 file is told by {@link #written}. */
	void watchWrites() {
		this.writesWatched = true;
	}

	/** What H2 stored reached the disk: the end of an outage of its file, if one was under way. */
	void written() {
		if (this.fileDown) {
			this.fileDown = false;
			this.fileBack.incrementAndGet();
			end();
		}
	}

	/**
	 * How many outages of the H2 file have ended. H2 answers a commit before it writes it (within half a second): what
	 * it had taken when its file failed, and what it took from the file opened anew while the disk was still full,
	 * is not in the file, so what was read of the store before may be ahead of it.
	 */
	long fileBack() {
		return this.fileBack.get();
	}

	/** Whether the H2 file could not be written, and has not been since. */
	boolean fileDown() {
		return this.fileDown;
	}

	private void end() {
		Instant began = this.since.getAndSet(null);
		if (began != null) {
			log.info("The database answers again after {} s", Duration.between(began, this.clock.instant()).toSeconds());
		}
	}

	/** Whether an outage is under way, as the workers found it. */
	public boolean down() {
		return this.since.get() != null;
	}

	/** The most specific cause's message: the driver's own words, without Spring's wrapping of the statement. */
	private static String detail(Throwable failure) {
		Throwable deepest = failure;
		while (deepest.getCause() != null && deepest.getCause() != deepest) {
			deepest = deepest.getCause();
		}
		String message = (deepest.getMessage() != null) ? deepest.getMessage().strip().lines().findFirst().orElse("")
				: "";
		return deepest.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
	}

}
