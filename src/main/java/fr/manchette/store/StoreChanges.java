package fr.manchette.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

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

/**
 * When the items last changed: the validator of every published document. It moves only once a write is committed,
 * so that a reader never caches old content under a new validator.
 * <p>
 * On a store that other instances share (PostgreSQL, an H2 file with {@code AUTO_SERVER=TRUE}), their writes move it
 * too: at most once every {@link #LOOK_EVERY}, when it is asked for, it reads from the store the mark that their
 * writes leave in committed rows (items stored, headlines edited, items pruned), and moves when the mark did. Without
 * it, an instance served what it had rendered until it stored something itself, and one that only serves, forever.
 */
@Component
public class StoreChanges {

	private static final Logger log = LoggerFactory.getLogger(StoreChanges.class);

	/** How stale, at most, what an instance serves of the other instances' writes can be. */
	static final Duration LOOK_EVERY = Duration.ofSeconds(1);

	// Item ids grow (the primary key's index); edits that change a headline are numbered (idem); a prune lowers the
	// sources' counts (one row per source). An edit of an item's summary alone leaves no mark: it shows with the next
	// write that does.
	private static final String MARK = """
			SELECT (SELECT MAX(id) FROM item) AS item_id, (SELECT MAX(id) FROM headline_edit) AS edit_id,
			       (SELECT SUM(item_count) FROM source_status) AS items""";

	private final Clock clock;

	/** The store, when other instances may write to it; null when it is this process's alone. */
	private final @Nullable JdbcClient shared;

	private final AtomicReference<Change> last;

	/** When the mark is next read (nanoTime); guarded by this, read without it to skip the lock. */
	private volatile long nextLook;

	/** The mark last read; guarded by this. */
	private @Nullable Mark mark;

	/** This instance wrote since: the next mark read is taken as it is, its own write having moved this already. */
	private boolean ownWrite;

	@Autowired
	StoreChanges(Clock clock, JdbcClient jdbc, DataSource dataSource, Environment environment) {
		this(clock, ExclusiveStore.exclusive(dataSource, environment) ? null : jdbc);
	}

	/** @param shared the store, if other instances may write to it */
	StoreChanges(Clock clock, @Nullable JdbcClient shared) {
		this.clock = clock;
		this.shared = shared;
		// Starts at boot time: a restart may have changed what is stored under us (retention, a restored file).
		this.last = new AtomicReference<>(new Change(0, clock.instant()));
		this.nextLook = System.nanoTime();
	}

	/** The current change: its sequence number and when it happened. */
	public Change current() {
		if (this.shared != null && System.nanoTime() - this.nextLook >= 0) {
			lookForOtherWriters(this.shared);
		}
		return this.last.get();
	}

	/**
	 * Moves if the mark moved since it was last read. Read before the content it validates is: what is rendered
	 * after holds at least what the mark tells of.
	 */
	private synchronized void lookForOtherWriters(JdbcClient store) {
		long now = System.nanoTime();
		if (now - this.nextLook < 0) {
			return;
		}
		this.nextLook = now + LOOK_EVERY.toNanos();
		Mark seen;
		try {
			seen = store.sql(MARK)
				.query((row, n) -> new Mark(row.getLong("item_id"), row.getLong("edit_id"), row.getLong("items")))
				.single();
		}
		catch (DataAccessException ex) {
			// What was rendered is served meanwhile; read again at the next look.
			log.warn("Could not read whether other instances changed the store detail={}", ex.getMessage());
			return;
		}
		if (this.mark != null && !this.ownWrite && !seen.equals(this.mark)) {
			bump();
		}
		this.mark = seen;
		this.ownWrite = false;
	}

	void changed() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					committed();
				}
			});
		}
		else {
			committed();
		}
	}

	/**
	 * A write of this instance's is committed. On a shared store the mark is read again before anything is rendered
	 * for the new state, and taken as it is: what is rendered then holds whatever it tells of (another instance's
	 * write among it), and a mark moved by this write alone would otherwise move the state a second time.
	 */
	private void committed() {
		if (this.shared != null) {
			synchronized (this) {
				this.ownWrite = true;
				this.nextLook = System.nanoTime();
			}
		}
		bump();
	}

	private void bump() {
		Instant now = this.clock.instant();
		this.last.updateAndGet((previous) -> new Change(previous.sequence() + 1,
				now.isAfter(previous.at()) ? now : previous.at()));
	}

	/** One state of the store. */
	public record Change(long sequence, Instant at) {
	}

	/** What the writes of every instance leave in the store. */
	private record Mark(long itemId, long editId, long items) {
	}

}
