package fr.manchette.store;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/**
 * The name under which an instance holds leases on rows that several instances share (a source's poll, a webhook
 * delivery): host, process and a random part, so that two instances on one host, or one restarted, never take each
 * other's leases for their own.
 */
public final class LeaseOwner {

	/** The owner columns' width ({@code VARCHAR(100)}), less room for a suffix such as {@code #123456789}. */
	static final int MAX_LENGTH = 88;

	private LeaseOwner() {
	}

	/** A new name for this instance; its end is kept when it is too long, as the random part is there. */
	public static String newName() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			host = "unknown";
		}
		return fit(host + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8));
	}

	static String fit(String name) {
		return (name.length() > MAX_LENGTH) ? name.substring(name.length() - MAX_LENGTH) : name;
	}

}
