package fr.manchette.fetch;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The address policy as pure functions. No test here sends a packet or asks DNS anything: addresses are literals, and
 * host names go through a table resolver.
 */
class AddressPolicyTests {

	private static final URI PUBLIC_FEED = URI.create("https://flux.example.fr/une.xml");

	private static final URI INTERNAL_FEED = URI.create("http://intranet.example/flux.xml");

	private final AddressPolicy policy = new AddressPolicy(false, table(Map.of(
			"flux.example.fr", "93.184.216.34",
			"intranet.example", "10.0.0.7",
			"double-face.example", "93.184.216.34,169.254.169.254")));

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "127.8.9.10", "::1", "10.1.2.3", "172.16.0.1", "172.31.255.255",
			"192.168.1.1", "169.254.169.254", "fe80::1", "fd00::1", "fc00::1", "100.64.0.1", "100.127.255.255",
			"0.0.0.0", "0.1.2.3", "::", "224.0.0.1", "ff02::1", "::ffff:169.254.169.254", "::127.0.0.1" })
	void isInternalForLoopbackPrivateLinkLocalLocalMulticastAndSharedAddresses(String address) {
		assertThat(AddressPolicy.isInternal(literal(address))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "93.184.216.34", "2606:4700::1", "8.8.8.8", "172.32.0.1", "172.15.255.255",
			"100.63.255.255", "100.128.0.1", "192.169.0.1", "11.0.0.1", "::ffff:8.8.8.8" })
	void isNotInternalForPublicAddresses(String address) {
		assertThat(AddressPolicy.isInternal(literal(address))).isFalse();
	}

	@ParameterizedTest(name = "switch on {0}, origin internal {1}, target internal {2}: allowed {3}")
	@CsvSource({
			"false, false, false, true",
			"false, false, true,  false",
			"false, true,  false, true",
			"false, true,  true,  true",
			"true,  false, false, true",
			"true,  false, true,  true",
			"true,  true,  false, true",
			"true,  true,  true,  true" })
	void allowsAnInternalTargetOnlyFromAnInternalOriginOrWithTheSwitchOn(boolean allowInternalRedirects,
			boolean originInternal, boolean targetInternal, boolean allowed) {
		AddressPolicy policy = new AddressPolicy(allowInternalRedirects, AddressPolicyTests::literals);

		assertThat(policy.allows(originInternal, targetInternal)).isEqualTo(allowed);
	}

	@Test
	void refusesARedirectFromAPublicFeedToTheMetadataService() throws UnknownHostException {
		assertThat(this.policy.refusal(PUBLIC_FEED, URI.create("http://169.254.169.254/latest/meta-data/")))
			.isEqualTo("redirect to internal address 169.254.169.254 (169.254.169.254) refused");
	}

	@Test
	void refusesARedirectFromAPublicFeedToLoopbackIpv6() throws UnknownHostException {
		assertThat(this.policy.refusal(PUBLIC_FEED, URI.create("http://[::1]:8080/admin"))).contains("refused");
	}

	@Test
	void refusesATargetWithOneInternalAddressAmongPublicOnes() throws UnknownHostException {
		assertThat(this.policy.refusal(PUBLIC_FEED, URI.create("https://double-face.example/flux.xml")))
			.isEqualTo("redirect to internal address double-face.example (169.254.169.254) refused");
	}

	@Test
	void treatsAnOriginWithOnePublicAddressAsPublic() throws UnknownHostException {
		assertThat(this.policy.refusal(URI.create("https://double-face.example/flux.xml"),
				URI.create("http://10.0.0.7/"))).isNotNull();
	}

	@Test
	void allowsARedirectFromAPublicFeedToAPublicHost() throws UnknownHostException {
		assertThat(this.policy.refusal(PUBLIC_FEED, URI.create("https://93.184.216.34/une.xml"))).isNull();
	}

	@Test
	void allowsAnInternalFeedToRedirectInsideTheNetwork() throws UnknownHostException {
		assertThat(this.policy.refusal(INTERNAL_FEED, URI.create("http://192.168.1.20/flux.xml"))).isNull();
	}

	@Test
	void allowsEverythingWithoutResolvingWhenTheOperatorSwitchedTheCheckOff() throws UnknownHostException {
		AddressPolicy open = new AddressPolicy(true, (host) -> {
			throw new AssertionError("resolved " + host);
		});

		assertThat(open.refusal(PUBLIC_FEED, URI.create("http://169.254.169.254/"))).isNull();
	}

	@Test
	void refusesARequestOfOurOwnToAnyInternalAddressUnlessAllowed() throws UnknownHostException {
		// No origin vouches for a webhook: an internal host is refused even when it is the only one.
		assertThat(this.policy.refusal(INTERNAL_FEED, "webhook"))
			.isEqualTo("webhook to internal address intranet.example (10.0.0.7) refused");
		assertThat(this.policy.refusal(URI.create("https://double-face.example/hook"), "webhook")).isNotNull();
		assertThat(this.policy.refusal(PUBLIC_FEED, "webhook")).isNull();
		assertThat(new AddressPolicy(true, (host) -> {
			throw new AssertionError("resolved " + host);
		}).refusal(URI.create("http://127.0.0.1:8080/hook"), "webhook")).isNull();
	}

	@Test
	void failsWhenTheTargetDoesNotResolve() {
		assertThatExceptionOfType(UnknownHostException.class)
			.isThrownBy(() -> this.policy.refusal(PUBLIC_FEED, URI.create("https://nowhere.example/")));
	}

	@Test
	void systemResolverReadsLiteralsWithoutLookingThemUp() throws UnknownHostException {
		// Literals only: InetAddress.getAllByName parses them and never asks DNS.
		AddressPolicy system = new AddressPolicy(false);

		assertThat(system.refusal(URI.create("http://93.184.216.34/"), URI.create("http://[::1]/"))).isNotNull();
		assertThat(system.refusal(URI.create("http://127.0.0.1/"), URI.create("http://10.1.2.3/"))).isNull();
	}

	private static AddressPolicy.Resolver table(Map<String, String> hosts) {
		return (host) -> {
			String addresses = hosts.get(host);
			return (addresses != null) ? literals(addresses) : literals(host);
		};
	}

	/** Comma-separated literals; anything else is an unknown host, never a lookup. */
	private static InetAddress[] literals(String addresses) throws UnknownHostException {
		try {
			return Arrays.stream(addresses.split(",")).map(AddressPolicyTests::literal).toArray(InetAddress[]::new);
		}
		catch (IllegalArgumentException ex) {
			throw new UnknownHostException(addresses);
		}
	}

	/** Parses a literal address without ever asking DNS: a typo fails the test rather than becoming a lookup. */
	static InetAddress literal(String text) {
		String address = text.replace("[", "").replace("]", "");
		try {
			if (address.contains(":")) {
				// With a colon, the JDK parses an IPv6 literal or throws; it never falls back to DNS.
				return InetAddress.getByName(address);
			}
			String[] parts = address.split("\\.");
			if (parts.length != 4 || !address.matches("[0-9.]+")) {
				throw new IllegalArgumentException("not an IPv4 literal: " + text);
			}
			byte[] bytes = new byte[4];
			for (int i = 0; i < 4; i++) {
				bytes[i] = (byte) Integer.parseInt(parts[i]);
			}
			return InetAddress.getByAddress(bytes);
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException(text, ex);
		}
	}

}
