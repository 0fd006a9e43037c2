package fr.manchette.fetch;

import java.net.InetAddress;
import java.net.URI;

import fr.manchette.fetch.FetchOutcome.Failed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The chain's bookkeeping as a pure function: nothing here is requested, and the address check is off. */
class RedirectChainTests {

	private static final AddressPolicy NO_CHECK = new AddressPolicy(true, (host) -> {
		throw new AssertionError("resolved " + host);
	});

	@ParameterizedTest(name = "{0} + {1} = {2}")
	@CsvSource({
			"http://localhost/a/b.xml, c.xml, http://localhost/a/c.xml",
			"http://localhost/a/b.xml, ../flux/c.xml, http://localhost/flux/c.xml",
			"http://localhost/a/b.xml, /c.xml, http://localhost/c.xml",
			"http://localhost/a/b.xml, ?page=2, http://localhost/a/b.xml?page=2",
			"http://localhost/a/b.xml, //127.0.0.1:8080/c.xml, http://127.0.0.1:8080/c.xml",
			"http://localhost:8080, rss.xml, http://localhost:8080/rss.xml",
			"http://localhost/a/b.xml, c.xml#haut, http://localhost/a/c.xml",
			"http://localhost/a/b.xml, /mes actus.xml, http://localhost/mes%20actus.xml",
			"https://localhost/b.xml, http://localhost/b.xml, http://localhost/b.xml" })
	void resolvesTheLocationAgainstTheCurrentAddress(String from, String location, String to) {
		RedirectChain chain = new RedirectChain(URI.create(from), NO_CHECK);

		assertThat(chain.follow(302, location)).isNull();
		assertThat(chain.current()).isEqualTo(URI.create(to));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"'' | HTTP 301 without Location",
			"ftp://localhost/b.xml | HTTP 301 to a ftp: address, not followed",
			"javascript:alert(1) | HTTP 301 to an unreadable Location: javascript:alert(1)",
			"/<b> | HTTP 301 to an unreadable Location: /<b>" })
	void stopsAtALocationItCannotFollow(String location, String detail) {
		RedirectChain chain = new RedirectChain(URI.create("https://localhost/a.xml"), NO_CHECK);

		assertThat(chain.follow(301, location)).isEqualTo(new Failed(FailureKind.HTTP_STATUS, detail));
	}

	@Test
	void followsFiveRedirectsAndRefusesTheSixth() {
		RedirectChain chain = new RedirectChain(URI.create("http://localhost/0"), NO_CHECK);
		for (int hop = 1; hop <= 5; hop++) {
			assertThat(chain.follow(302, "/" + hop)).isNull();
		}

		assertThat(chain.follow(302, "/6")).isEqualTo(new Failed(FailureKind.TOO_MANY_REDIRECTS, "more than 5 redirects"));
	}

	@Test
	void refusesToGoBackToAnAddressAlreadyReached() {
		RedirectChain chain = new RedirectChain(URI.create("http://localhost/a"), NO_CHECK);
		chain.follow(302, "/b");

		Failed loop = chain.follow(302, "/a");

		assertThat(loop.kind()).isEqualTo(FailureKind.TOO_MANY_REDIRECTS);
		assertThat(loop.detail()).startsWith("redirect loop");
	}

	@ParameterizedTest(name = "{0} then {1}: moved {2}")
	@CsvSource({ "301, 301, true", "308, 301, true", "301, 302, false", "302, 301, false", "307, 308, false",
			"303, 303, false" })
	void remembersTheEndOfTheChainOnlyWhenEveryHopIsPermanent(int first, int second, boolean moved) {
		RedirectChain chain = new RedirectChain(URI.create("http://localhost/a"), NO_CHECK);
		chain.follow(first, "/b");
		chain.follow(second, "/c");

		assertThat(chain.movedTo()).isEqualTo(moved ? URI.create("http://localhost/c") : null);
	}

	@Test
	void hasNotMovedWithoutARedirect() {
		assertThat(new RedirectChain(URI.create("http://localhost/a"), NO_CHECK).movedTo()).isNull();
	}

	@Test
	void stopsAtARefusedAddress() {
		AddressPolicy strict = new AddressPolicy(false, (host) -> new InetAddress[] {
				AddressPolicyTests.literal(host.equals("flux.example.fr") ? "93.184.216.34" : "169.254.169.254") });
		RedirectChain chain = new RedirectChain(URI.create("https://flux.example.fr/une.xml"), strict);

		Failed refused = chain.follow(302, "http://metadata.example/latest/");

		assertThat(refused.kind()).isEqualTo(FailureKind.BLOCKED_ADDRESS);
		assertThat(chain.current()).isEqualTo(URI.create("https://flux.example.fr/une.xml"));
	}

}
