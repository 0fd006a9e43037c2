package fr.manchette.support;

import java.util.function.UnaryOperator;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

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

	private static WireMockConfiguration options() {
		return wireMockConfig().bindAddress("127.0.0.1").dynamicPort();
	}

}
