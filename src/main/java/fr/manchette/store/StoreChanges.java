package fr.manchette.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The latest change of what is published: the basis of every published document's validators. Each change is
 * numbered and dated in the store ({@code store_change}, one row), under the row's lock and in the transaction of the
 * write that makes it, so every instance sharing the store sees the same number and the same date for the same
 * content, and none sees the number before the content it stands for is committed.
 * <p>
 * Every write that changes what is published records one: items stored, items edited (a summary alone too), items
 * pruned; so does a new feeds.yml or a new day in the ticker's zone ({@link #published}). This instance's own writes
 * move it once committed; on a store that other instances share (PostgreSQL, an H2 file with {@code AUTO_SERVER=TRUE}),
 * theirs are read from the row at most once every {@link #LOOK_EVERY}, when it is asked for.
 */
@Component
public class StoreChanges {

	private static final Logger log = LoggerFactory.getLogger(StoreChanges.class);

	/** How stale, at most, what an instance serves of the other instances' writes can be. */
	public static final Duration LOOK_EVERY = Duration.ofSeconds(1);

	private static final String READ = """
			SELECT changes, changed_at, date_shared, published FROM store_change WHERE id = 1""";

	private static final String LOCK = READ + " FOR UPDATE";

	// On the change read: under the row's lock it is, and a write made without one fails rather than number two
	// changes alike.
	private static final String WRITE = """
			UPDATE store_change SET changes = :changes, changed_at = :at, date_shared = :shared, published = :published
			 WHERE id = 1 AND changes = :previous""";

	private final Clock clock;

	private final JdbcClient jdbc;

	/** For a change recorded outside any transaction of the caller's (a prune, a new configuration). */
	private final TransactionTemplate transaction;

	/** Whether other instances may write to the store. */
	private final boolean shared;

	private final StoreOutage outage;

	/** Held while the row is read: one reader at a time. */
	private final Lock looking = new ReentrantLock();

	/** The latest change seen; null until the row is first read. */
	private final AtomicReference<@Nullable Change> last = new AtomicReference<>();

	/**
	 * The date of the change the store held when this instance first read it: the latest date that an earlier run
	 * may have answered with. Set once.
	 */
	private volatile @Nullable Instant dateAtStart;

	/** When the latest read of the row began, in epoch milliseconds by the clock; guarded by this. */
	private volatile long lookedFrom = Long.MIN_VALUE;

	/** When the row is next read on a shared store (nanoTime); guarded by looking, read without it to skip the lock. */
	private volatile long nextLook;

	/** The outages of the H2 file that had ended when the row was last read for one ({@link StoreOutage#fileBack}). */
	private volatile long fileBackSeen;

	/** The key of the current transaction's pending change: recorded once per transaction, however many writes. */
	private final Object pending = new Object();

	@Autowired
	StoreChanges(Clock clock, JdbcClient jdbc, TransactionTemplate transaction, DataSource dataSource,
			Environment environment, StoreOutage outage) {
		this(clock, jdbc, transaction, !ExclusiveStore.exclusive(dataSource, environment), outage);
	}

	/** @param shared whether other instances may write to the store */
	StoreChanges(Clock clock, JdbcClient jdbc, TransactionTemplate transaction, boolean shared) {
		this(clock, jdbc, transaction, shared, new StoreOutage(clock));
	}

	private StoreChanges(Clock clock, JdbcClient jdbc, TransactionTemplate transaction, boolean shared,
			StoreOutage outage) {
		this.outage = outage;
		this.clock = clock;
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.shared = shared;
		this.nextLook = System.nanoTime();
	}

	/** The current change: what the store holds now, as far as this instance knows (at most a second late). */
	public Change current() {
		long fileBack = this.outage.fileBack();
		if (fileBack != this.fileBackSeen) {
			// The change kept may be one the H2 file lost: the row as the file has it, which the next change follows.
			try {
				this.last.set(read(READ));
				this.fileBackSeen = fileBack;
			}
			catch (DataAccessException ex) {
				// Read at the next call.
			}
		}
		Change current = this.last.get();
		if (current == null || (this.shared && System.nanoTime() - this.nextLook >= 0)) {
			current = look();
		}
		return current;
	}

	/** Whether other instances may write to the store: then this instance cannot know which dates they answered. */
	public boolean shared() {
		return this.shared;
	}

	/**
	 * Whether every change committed a second before {@code instant} is seen: on a store of this instance's alone,
	 * always (its own are seen as they commit); on a shared one, once a read of the row began after it.
	 */
	public boolean seenSince(Instant instant) {
		return !this.shared || this.lookedFrom >= instant.toEpochMilli();
	}

	/** The date of the change the store held when this instance first read it, before any of its own writes. */
	public Instant dateAtStart() {
		current();
		return Objects.requireNonNull(this.dateAtStart);
	}

	/**
	 * Records that what is published changed outside the store ({@code what}: the configuration and the day it is
	 * published with), unless the store already says so: the first instance to publish it dates it for them all.
	 * @return the current change
	 * @throws DataAccessException if the store cannot be written
	 */
	public Change published(String what) {
		Change recorded = this.transaction.execute((tx) -> {
			Change stored = lock();
			if (what.equals(stored.published())) {
				return stored;
			}
			Change written = write(stored.next(this.clock.instant(), what));
			log.debug("Recorded as published what={} over={} sequence={}", what, stored.published(), written.sequence());
			return written;
		});
		moved(Objects.requireNonNull(recorded));
		return current();
	}

	/**
	 * Reads the row, and moves to what it says if it is newer. Read before the content it validates is: what is
	 * rendered after holds at least what the row tells of.
	 */
	private Change look() {
		Change known = this.last.get();
		// A request that finds another reading the row serves what is known rather than wait: while the database is
		// away, the read waits for a connection as long as the pool lets it (30 s by default).
		if (known != null && !this.looking.tryLock()) {
			return known;
		}
		if (known == null) {
			this.looking.lock();
		}
		try {
			Change current = this.last.get();
			if (current != null && (!this.shared || System.nanoTime() - this.nextLook < 0 || this.outage.down())) {
				// While the workers find the database away, what was rendered is served without a read: they tell
				// when it answers again.
				return current;
			}
			this.nextLook = System.nanoTime() + LOOK_EVERY.toNanos();
			long from = this.clock.millis();
			try {
				Change read = read(READ);
				moved(read);
				this.lookedFrom = from;
				// Which change, and which configuration, each read found: without it, whether an instance follows the
				// others shows only in the validators it answers.
				log.debug("Read the store's change sequence={} published={} kept={}", read.sequence(), read.published(),
						Objects.requireNonNull(this.last.get()).sequence());
			}
			catch (DataAccessException ex) {
				if (current == null) {
					throw ex;
				}
				// What was rendered is served meanwhile; read again at the next look.
				if (!this.outage.said("serving what other instances stored", ex)) {
					log.warn("Could not read whether other instances changed the store detail={}", ex.getMessage());
				}
			}
			return Objects.requireNonNull(this.last.get());
		}
		finally {
			this.looking.unlock();
		}
	}

	/** Keeps {@code change} if it is later than the one kept: a read may end after a later commit of this instance. */
	private void moved(Change change) {
		this.last.accumulateAndGet(change,
				(kept, seen) -> (kept == null || seen.sequence() > kept.sequence()) ? seen : kept);
	}

	/**
	 * A write that changes what is published: the change is recorded as the transaction's last statements, once
	 * however many writes it makes, and kept once it is committed; without a transaction, at once.
	 */
	void changed() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			moved(Objects.requireNonNull(this.transaction.execute((tx) -> record())));
			return;
		}
		if (TransactionSynchronizationManager.hasResource(this.pending)) {
			return;
		}
		TransactionSynchronizationManager.bindResource(this.pending, Boolean.TRUE);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			private @Nullable Change recorded;

			@Override
			public void beforeCommit(boolean readOnly) {
				// Last: the row stays locked until the commit, which other writers then wait for, briefly.
				this.recorded = record();
			}

			@Override
			public void afterCommit() {
				if (this.recorded != null) {
					moved(this.recorded);
				}
			}

			@Override
			public void afterCompletion(int status) {
				TransactionSynchronizationManager.unbindResourceIfPossible(StoreChanges.this.pending);
			}

		});
	}

	private Change record() {
		Change stored = lock();
		return write(stored.next(this.clock.instant(), stored.published()));
	}

	private Change lock() {
		return read(LOCK);
	}

	private Change read(String sql) {
		Change change = this.jdbc.sql(sql).query(StoreChanges::change).single();
		if (this.dateAtStart == null) {
			synchronized (this.pending) {
				if (this.dateAtStart == null) {
					this.dateAtStart = change.at();
				}
			}
		}
		return change;
	}

	private Change write(Change change) {
		int written = this.jdbc.sql(WRITE)
			.param("previous", change.sequence() - 1)
			.param("changes", change.sequence())
			.param("at", Timestamps.param(change.at()))
			.param("shared", change.dateShared())
			.param("published", change.published())
			.update();
		if (written != 1) {
			throw new IllegalStateException("store_change moved while locked: a write outside a transaction?");
		}
		return change;
	}

	private static Change change(ResultSet row, int n) throws SQLException {
		return new Change(row.getLong("changes"), Objects.requireNonNull(Timestamps.read(row, "changed_at")),
				row.getBoolean("date_shared"), row.getString("published"));
	}

	/**
	 * One change of what is published, as every instance sees it.
	 *
	 * @param sequence its number: every change has a higher one than the change before
	 * @param at its date: the writer's clock, or the second after the change before's when that is the same second, so
	 * that two changes in one second are told apart by an HTTP date (whole seconds), at most a second ahead
	 * @param dateShared whether its date is the change before's too (a third change in one second, a clock set back):
	 * then the date does not tell the two apart
	 * @param published what, besides the store, was last recorded as published (a digest of a configuration and a
	 * day, see {@link #published}); null before the first
	 */
	public record Change(long sequence, Instant at, boolean dateShared, @Nullable String published) {

		/**
		 * The change that follows this one, made at {@code now}, with {@code published} published. A shared date
		 * counts as the second after it, which a reader gives the change once no other can share it (see
		 * {@code web.PublishedState}).
		 */
		Change next(Instant now, @Nullable String published) {
			long second = now.getEpochSecond();
			long mine = this.at.getEpochSecond() + (this.dateShared ? 1 : 0);
			if (mine < second) {
				return new Change(this.sequence + 1, now, false, published);
			}
			if (mine == second) {
				return new Change(this.sequence + 1, Instant.ofEpochSecond(second + 1), false, published);
			}
			return new Change(this.sequence + 1, this.at, true, published);
		}

	}

}
