package fr.manchette.store;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The name under which this instance holds leases on rows that several instances share (a source's poll, a webhook
 * delivery), and on PostgreSQL what tells the others that it is alive.
 *
 * <p>A name is host, process and a random 64-bit key in 16 hex digits, so that two instances on one host, or one
 * restarted, never take each other's leases for their own. On PostgreSQL the instance holds the session-level
 * advisory lock of its key for its whole life, on a connection of its own ({@link InstanceLock}). PostgreSQL lets the
 * lock go when that connection closes, which the system does when the process ends, however it ends ({@code kill -9},
 * a crash, an exit on {@code OutOfMemoryError}): an owner whose lock another session can take is gone for good (a
 * restart takes a new name), and its leases can be given back at once ({@link #releaseGone}). A key is drawn again
 * when its lock is taken, so no two live instances share one. A name of an earlier version (8 hex digits) has no key:
 * its leases run out.
 */
@Component
public final class LeaseOwner implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(LeaseOwner.class);

	/** The owner columns' width ({@code VARCHAR(100)}), less room for a suffix such as {@code #123456789}. */
	static final int MAX_LENGTH = 88;

	/** The key at the end of a name, before the number of a claim ({@code #12}) if any. */
	private static final Pattern KEY = Pattern.compile("/([0-9a-f]{16})(?:#\\d+)?$");

	/** Draws of a key whose lock is taken before giving up: one is already a 2^-64 chance. */
	private static final int DRAWS = 8;

	/** As UUIDs are drawn: instances started at the same moment on several hosts draw unlike keys. */
	private static final SecureRandom KEYS = new SecureRandom();

	private final long key;

	private final String name;

	/** PostgreSQL only: nothing else tells a gone instance from a live one. */
	private final @Nullable InstanceLock lock;

	/** Whether the lock was lost and not taken again yet; guarded by this. */
	private boolean lost;

	LeaseOwner(DataSource dataSource) throws SQLException {
		StoreEngine engine;
		try (Connection connection = dataSource.getConnection()) {
			engine = StoreEngine.of(connection);
		}
		if (engine != StoreEngine.POSTGRESQL) {
			this.key = KEYS.nextLong();
			this.lock = null;
		}
		else {
			InstanceLock opened = InstanceLock.open(dataSource);
			long drawn = KEYS.nextLong();
			for (int draw = 1; !opened.take(drawn); draw++) {
				if (draw == DRAWS) {
					opened.close();
					throw new IllegalStateException("No free advisory lock for this instance after " + DRAWS + " draws");
				}
				drawn = KEYS.nextLong();
			}
			this.key = drawn;
			this.lock = opened;
		}
		this.name = newName(this.key);
	}

	/** This instance's name, the owner of its leases. */
	public String name() {
		return this.name;
	}

	/** A name for the instance of this key: its end is kept when it is too long, as the key is there. */
	static String newName(long key) {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			host = "unknown";
		}
		// No '#' but that of a claim's number (WebhookOutbox): a host name has none anyway.
		return fit(host.replace('#', '-') + "/" + ProcessHandle.current().pid() + "/" + HexFormat.of().toHexDigits(key));
	}

	static String fit(String name) {
		return (name.length() > MAX_LENGTH) ? name.substring(name.length() - MAX_LENGTH) : name;
	}

	/** The key of the instance that a lease owner (a name, or a name and a claim's number) names; none for others. */
	static OptionalLong key(String leaseOwner) {
		Matcher matcher = KEY.matcher(leaseOwner);
		return matcher.find() ? OptionalLong.of(Long.parseUnsignedLong(matcher.group(1), 16)) : OptionalLong.empty();
	}

	/**
	 * Gives back the leases of the instances that are gone, in one table: {@code owners} lists its lease owners,
	 * {@code release} gives back the leases of those in {@code :owners}. This instance's own are never among them,
	 * nor those of an owner without a key. Nothing but on PostgreSQL.
	 * @return how many leases it gave back
	 */
	int releaseGone(JdbcClient jdbc, String owners, String release) {
		if (this.lock == null) {
			return 0;
		}
		List<String> gone = gone(jdbc.sql(owners).query(String.class).list());
		return gone.isEmpty() ? 0 : jdbc.sql(release).param("owners", gone).update();
	}

	/** Those of these lease owners whose instance is gone: its lock is free. */
	synchronized List<String> gone(Collection<String> leaseOwners) {
		InstanceLock held = this.lock;
		if (held == null || leaseOwners.isEmpty()) {
			return List.of();
		}
		Map<Long, List<String>> byKey = new LinkedHashMap<>();
		for (String owner : leaseOwners) {
			OptionalLong ownerKey = key(owner);
			// Its own key this session holds already: taking it again would succeed.
			if (ownerKey.isPresent() && ownerKey.getAsLong() != this.key) {
				byKey.computeIfAbsent(ownerKey.getAsLong(), (k) -> new ArrayList<>()).add(owner);
			}
		}
		if (byKey.isEmpty() || !keepHeld(held)) {
			return List.of();
		}
		List<String> gone = new ArrayList<>();
		for (Map.Entry<Long, List<String>> owners : byKey.entrySet()) {
			if (held.free(owners.getKey())) {
				gone.addAll(owners.getValue());
			}
		}
		return gone;
	}

	/**
	 * Whether this instance still holds its lock, taken again if its connection was lost (a restart of PostgreSQL, a
	 * network cut): meanwhile the others may have taken it for gone and given its leases back, so that a source is
	 * polled twice, as when a lease runs out under a long poll.
	 */
	synchronized boolean keepHeld() {
		InstanceLock held = this.lock;
		return held == null || keepHeld(held);
	}

	private boolean keepHeld(InstanceLock held) {
		if (held.isOpen()) {
			return true;
		}
		boolean taken = held.reopenAndTake(this.key);
		// Said once while the database is away (tried again every few seconds), and once when it is taken again.
		if (taken || !this.lost) {
			log.warn("Lost the lock that tells other instances this one is alive owner={} taken-again={}", this.name,
					taken);
		}
		this.lost = !taken;
		return taken;
	}

	/** Whether this instance can tell a gone instance's leases from a live one's: on PostgreSQL. */
	boolean tellsGone() {
		return this.lock != null;
	}

	/** Lets the lock go, once the leases are given back (the beans that use this one stop first). */
	@Override
	public synchronized void destroy() {
		if (this.lock != null) {
			this.lock.close();
		}
	}

}
