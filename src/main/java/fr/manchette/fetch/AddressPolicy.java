package fr.manchette.fetch;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Decides whether a redirect may take us to where it points (server-side request forgery).
 * <p>
 * A feed the operator listed on a public host must not be able to bounce us, by a {@code Location} header, into the
 * operator's network or a cloud metadata service ({@code 169.254.169.254}). A feed the operator listed on an
 * internal host is another matter: they chose that network, so its redirects may stay inside it. Every test of ours
 * runs on loopback, which is that case.
 * <p>
 * Known limit: the HTTP client resolves the host again when it connects, so a DNS answer that changes between our
 * check and its connection (DNS rebinding) is not caught; {@code HttpURLConnection} offers no way to pin the address.
 */
final class AddressPolicy {

	/** How a host name becomes addresses: the system resolver, or a table in tests so that no name is looked up. */
	@FunctionalInterface
	interface Resolver {

		InetAddress[] resolve(String host) throws UnknownHostException;

	}

	private final boolean allowInternalRedirects;

	private final Resolver resolver;

	/**
	 * @param allowInternalRedirects the operator's switch: follow redirects to internal addresses from any source
	 */
	AddressPolicy(boolean allowInternalRedirects) {
		// A literal IP needs no DNS: getAllByName parses it and returns at once.
		this(allowInternalRedirects, InetAddress::getAllByName);
	}

	AddressPolicy(boolean allowInternalRedirects, Resolver resolver) {
		this.allowInternalRedirects = allowInternalRedirects;
		this.resolver = resolver;
	}

	/**
	 * Why the redirect from the chain's origin to {@code target} is refused, or {@code null} when it may be followed.
	 * @throws UnknownHostException when the target's name does not resolve (a network failure, not a refusal)
	 */
	@Nullable String refusal(URI origin, URI target) throws UnknownHostException {
		return refusal(origin, target, "redirect");
	}

	/**
	 * Why following {@code what} (a redirect, a link) from {@code origin} to {@code target} is refused, or
	 * {@code null} when it may be followed.
	 * @throws UnknownHostException when the target's name does not resolve (a network failure, not a refusal)
	 */
	@Nullable String refusal(URI origin, URI target, String what) throws UnknownHostException {
		if (this.allowInternalRedirects) {
			return null;
		}
		InetAddress[] targetAddresses = this.resolver.resolve(Objects.requireNonNull(target.getHost()));
		// Any internal address makes the target internal: the client may connect to whichever one it likes.
		InetAddress internal = Arrays.stream(targetAddresses).filter(AddressPolicy::isInternal).findFirst().orElse(null);
		if (internal == null || allows(isInternalOrigin(origin), true)) {
			return null;
		}
		return FetchDetail.INTERNAL_ADDRESS.with(what, target.getHost(), internal.getHostAddress());
	}

	/**
	 * Why a request of our own to {@code target} (a webhook) is refused, or {@code null} when it may be made. No
	 * operator-listed origin vouches for it, so an internal target is refused unless the operator allows them all.
	 * @throws UnknownHostException when the target's name does not resolve (a network failure, not a refusal)
	 */
	@Nullable String refusal(URI target, String what) throws UnknownHostException {
		if (this.allowInternalRedirects) {
			return null;
		}
		InetAddress internal = Arrays.stream(this.resolver.resolve(Objects.requireNonNull(target.getHost())))
			.filter(AddressPolicy::isInternal)
			.findFirst()
			.orElse(null);
		return (internal == null) ? null
				: FetchDetail.INTERNAL_ADDRESS.with(what, target.getHost(), internal.getHostAddress());
	}

	/**
	 * The rule itself, as a table: a redirect to an internal target is followed only when the origin is internal
	 * too, or when the operator has switched the check off.
	 */
	boolean allows(boolean originInternal, boolean targetInternal) {
		return this.allowInternalRedirects || !targetInternal || originInternal;
	}

	/**
	 * The origin counts as internal only when all its addresses are: whoever controls a public feed's DNS must not
	 * unlock internal redirects by adding one private record next to the public ones.
	 */
	private boolean isInternalOrigin(URI origin) {
		try {
			return Arrays.stream(this.resolver.resolve(Objects.requireNonNull(origin.getHost())))
				.allMatch(AddressPolicy::isInternal);
		}
		catch (UnknownHostException ex) {
			// We have just fetched from it, so this is a passing DNS failure: assume public, the safe side.
			return false;
		}
	}

	/**
	 * Whether an address is one a public feed has no business sending us to: loopback, private (RFC 1918, RFC 4193
	 * {@code fc00::/7}), link-local (where cloud metadata services live), "this host" ({@code 0.0.0.0/8},
	 * {@code ::}), multicast, or shared carrier-grade NAT space ({@code 100.64.0.0/10}, RFC 6598).
	 */
	static boolean isInternal(InetAddress address) {
		if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
				|| address.isAnyLocalAddress() || address.isMulticastAddress()) {
			return true;
		}
		byte[] bytes = address.getAddress();
		if (bytes.length == 4) {
			int first = bytes[0] & 0xFF;
			int second = bytes[1] & 0xFF;
			return first == 0 || (first == 100 && (second & 0xC0) == 64);
		}
		if ((bytes[0] & 0xFE) == 0xFC) {
			return true;
		}
		// ::a.b.c.d still reaches a.b.c.d on some stacks (::ffff:a.b.c.d already comes back as an Inet4Address).
		return address instanceof Inet6Address ipv6 && ipv6.isIPv4CompatibleAddress()
				&& isInternal(ipv4(Arrays.copyOfRange(bytes, 12, 16)));
	}

	private static InetAddress ipv4(byte[] bytes) {
		try {
			return InetAddress.getByAddress(bytes);
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException("four bytes are always an IPv4 address", ex);
		}
	}

}
