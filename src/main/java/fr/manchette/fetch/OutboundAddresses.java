package fr.manchette.fetch;

import java.net.URI;
import java.net.UnknownHostException;

import org.jspecify.annotations.Nullable;

/**
 * The redirect policy ({@link AddressPolicy}) for requests the service makes of its own accord, such as webhooks:
 * loopback, private, link-local and the like are refused unless {@code manchette.fetch.allow-internal-redirects}
 * allows internal addresses.
 */
public final class OutboundAddresses {

	private final AddressPolicy policy;

	public OutboundAddresses(boolean allowInternal) {
		this.policy = new AddressPolicy(allowInternal);
	}

	/**
	 * Why sending {@code what} to {@code target} is refused, or {@code null} when it may be sent.
	 * @throws UnknownHostException when the target's name does not resolve
	 */
	public @Nullable String refusal(URI target, String what) throws UnknownHostException {
		return this.policy.refusal(target, what);
	}

}
