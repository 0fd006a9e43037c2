package fr.manchette.support;

import java.util.function.IntFunction;
import java.util.function.UnaryOperator;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * The web sites a service under test reads, and the receivers it calls: WireMock on a free port of the loopback
 * interface, the one address a test may send traffic to. Register one with {@code @RegisterExtension} in a static
 * field; its port goes into feeds.yml before the Spring context starts.
 */
public final class Sites {

	private Sites() {
	}

	/**
	 * Stubs and request journal kept for the whole class: for a class whose service may poll or call between two
	 * tests (a scheduler, a worker, a reload), or that serves its sources once for all its tests.
	 */
	public static WireMockExtension forTheClass() {
		return forTheClass(UnaryOperator.identity());
	}

	/** {@link #forTheClass()}, with the server's options changed, e.g. more threads for many slow answers. */
	public static WireMockExtension forTheClass(UnaryOperator<WireMockConfiguration> tuning) {
		return WireMockExtension.newInstance().options(tuning.apply(options())).resetOnEachTest(false).build();
	}

	/** Stubs and request journal reset before each test: each test serves what it polls and counts its requests. */
	public static WireMockExtension forEachTest() {
		return forEachTest(UnaryOperator.identity());
	}

	/** {@link #forEachTest()}, with the server's options changed, e.g. no gzip where a test counts raw bytes. */
	public static WireMockExtension forEachTest(UnaryOperator<WireMockConfiguration> tuning) {
		return WireMockExtension.newInstance().options(tuning.apply(options())).build();
	}

	/**
	 * A server that the test starts and stops itself, for a class that must start it before its context does (in a
	 * {@code @DynamicPropertySource} method) or that wants one per test.
	 */
	public static WireMockServer server(UnaryOperator<WireMockConfiguration> tuning) {
		return new WireMockServer(tuning.apply(options()));
	}

	/** {@link #server(UnaryOperator)} with the usual options. */
	public static WireMockServer server() {
		return server(UnaryOperator.identity());
	}

	/**
	 * Sources {@code source-0} to {@code source-(count - 1)}, named {@code Source 0} and so on, added to the feeds.yml,
	 * each served {@code feed} of its number at {@code /feed/NUMBER} of the (started) server.
	 */
	public static FeedsYml numberedSources(WireMockServer server, FeedsYml yaml, int count, IntFunction<String> feed) {
		for (int s = 0; s < count; s++) {
			server.stubFor(get("/feed/" + s).willReturn(aResponse().withBody(feed.apply(s))));
			yaml.source("source-" + s, "Source " + s, "http://127.0.0.1:%d/feed/%d".formatted(server.port(), s));
		}
		return yaml;
	}

	private static WireMockConfiguration options() {
		return wireMockConfig().bindAddress("127.0.0.1").dynamicPort();
	}

}
