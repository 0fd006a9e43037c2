package fr.manchette.support;

import java.sql.Connection;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.h2.api.Trigger;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.awaitility.Awaitility.await;

/**
 * A thread caught inside the database, as the service's stop may find one: an H2 trigger holds the first update of a
 * table (or insert into it), on the thread that runs it, until the test lets it go, and tells whether an interrupt
 * reached that thread meanwhile. One at a time: H2 makes the trigger, so what it shares with the test is static.
 */
public final class HeldUpdate implements Trigger {

	private static volatile CountDownLatch held = new CountDownLatch(1);

	private static volatile CountDownLatch released = new CountDownLatch(1);

	private static volatile boolean interrupted;

	private static final AtomicInteger rows = new AtomicInteger();

	/** Holds the next update of one of {@code table}'s rows (an H2 database's). */
	public static void of(JdbcClient jdbc, String table) {
		hold(jdbc, "UPDATE", table);
	}

	/**
	 * Holds the next insert of a row into {@code table} (an H2 database's). The trigger stays in the database's file:
	 * made in a service started for it alone, it holds the first insert of the next service on that file.
	 */
	public static void ofInsert(JdbcClient jdbc, String table) {
		hold(jdbc, "INSERT", table);
	}

	private static void hold(JdbcClient jdbc, String statement, String table) {
		held = new CountDownLatch(1);
		released = new CountDownLatch(1);
		interrupted = false;
		rows.set(0);
		jdbc.sql("CREATE TRIGGER held_" + statement.toLowerCase(Locale.ROOT) + " AFTER " + statement + " ON "
				+ table + " FOR EACH ROW CALL '" + HeldUpdate.class.getName() + "'").update();
	}

	/** Whether an update is held now. */
	public static boolean awaitHeld() throws InterruptedException {
		return held.await(20, TimeUnit.SECONDS);
	}

	/** Lets the update go on. */
	public static void release() {
		released.countDown();
	}

	/**
	 * Runs a service's stop while an update is held: once the stop has done what it does to the held thread and waits
	 * for it to end, lets the update go on, then waits for the stop to end.
	 */
	public static void stopWhileHeld(Runnable stop) throws InterruptedException {
		Thread stopping = new Thread(stop);
		stopping.start();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> stopping.getState() == Thread.State.TIMED_WAITING || !stopping.isAlive());
		release();
		stopping.join(10_000);
	}

	/** Whether its thread was interrupted while the update was held. */
	public static boolean interrupted() {
		return interrupted;
	}

	/**
	 * How many rows were updated (or inserted) since the trigger was made, held or not: where the thread's work went on
	 * to once let go.
	 */
	public static int rows() {
		return rows.get();
	}

	@Override
	public void fire(Connection connection, Object[] oldRow, Object[] newRow) {
		rows.incrementAndGet();
		if (held.getCount() == 0) {
			return;
		}
		held.countDown();
		try {
			released.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			interrupted = true;
			// As it would be anywhere else in H2: the interrupt stays on the thread.
			Thread.currentThread().interrupt();
		}
	}

}
