package fr.manchette.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import fr.manchette.support.FormFields;
import fr.manchette.support.HmacSignature;

/**
 * A WebSub hub on loopback, as much of one as the freshness benchmark needs: it takes subscription requests (202),
 * then verifies intent by a GET on the callback, as a hub must before it delivers; once the challenge comes back it
 * remembers the subscription's callback and secret, and {@link #deliver} POSTs a topic's content to it, signed
 * {@code X-Hub-Signature: sha256=<HMAC of the body>}. The signature is computed here, independently of the service.
 */
final class LoopbackHub {

	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	/** A verified subscription: where to deliver its topic, and the secret that signs deliveries. */
	record Subscription(String callback, String secret) {
	}

	private final Map<String, Subscription> byTopic = new ConcurrentHashMap<>();

	private final AtomicLong requests = new AtomicLong();

	private final AtomicLong verified = new AtomicLong();

	private final AtomicLong deliveries = new AtomicLong();

	private final AtomicLong refused = new AtomicLong();

	/** Wall time of each delivery, from the POST sent to the service's answer, in microseconds. */
	private final List<Long> roundTrips = Collections.synchronizedList(new ArrayList<>());

	private final ExecutorService verifier = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "hub-verifier");
		thread.setDaemon(true);
		return thread;
	});

	private HttpServer server;

	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
		this.server.createContext("/hub", this::subscribe);
		this.server.setExecutor(Executors.newSingleThreadExecutor((task) -> {
			Thread thread = new Thread(task, "hub");
			thread.setDaemon(true);
			return thread;
		}));
		this.server.start();
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/hub";
	}

	/** Whether a hub delivers this topic: a subscription to it was verified. */
	boolean subscribed(String topic) {
		return this.byTopic.containsKey(topic);
	}

	/**
	 * POSTs {@code body} to the topic's subscriber, signed, and waits for the answer, as a hub distributes new content.
	 * Does nothing when no subscription to the topic was verified.
	 */
	void deliver(String topic, byte[] body, String contentType) throws IOException, InterruptedException {
		Subscription subscription = this.byTopic.get(topic);
		if (subscription == null) {
			return;
		}
		long start = System.nanoTime();
		HttpResponse<Void> response = CLIENT.send(HttpRequest.newBuilder(URI.create(subscription.callback()))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", contentType)
			.header("X-Hub-Signature", HmacSignature.of("sha256", body, subscription.secret()))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build(), HttpResponse.BodyHandlers.discarding());
		this.roundTrips.add((System.nanoTime() - start) / 1000);
		this.deliveries.incrementAndGet();
		if (response.statusCode() != 204) {
			this.refused.incrementAndGet();
		}
	}

	void stop() {
		this.server.stop(0);
		this.verifier.shutdownNow();
	}

	/** What the hub did, and how long its deliveries took to be answered (wall time: the clock stands still). */
	String summary() {
		List<Long> trips;
		synchronized (this.roundTrips) {
			trips = new ArrayList<>(this.roundTrips);
		}
		Collections.sort(trips);
		String times = trips.isEmpty() ? "" : String.format(
				"; delivery answered in median=%.1f ms p90=%.1f ms max=%.1f ms (wall time)", at(trips, 0.5) / 1000.0,
				at(trips, 0.9) / 1000.0, trips.get(trips.size() - 1) / 1000.0);
		return String.format("hub: %d requests, %d subscriptions verified, %d deliveries (%d not answered 204)%s",
				this.requests.get(), this.verified.get(), this.deliveries.get(), this.refused.get(), times);
	}

	private static long at(List<Long> sorted, double fraction) {
		return sorted.get(Math.max((int) Math.ceil(fraction * sorted.size()), 1) - 1);
	}

	private void subscribe(HttpExchange exchange) throws IOException {
		try (exchange) {
			this.requests.incrementAndGet();
			Map<String, String> form = FormFields
				.of(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			String mode = form.get("hub.mode");
			String topic = form.get("hub.topic");
			String callback = form.get("hub.callback");
			if (!"POST".equals(exchange.getRequestMethod()) || !"subscribe".equals(mode) || topic == null
					|| callback == null || form.get("hub.secret") == null) {
				exchange.sendResponseHeaders(400, -1);
				return;
			}
			exchange.sendResponseHeaders(202, -1);
			// Accepted; the verification of intent follows, on the hub's own time (section 5.3).
			this.verifier.execute(() -> verify(topic, callback, form.get("hub.secret"), form.get("hub.lease_seconds")));
		}
	}

	private void verify(String topic, String callback, String secret, String leaseSeconds) {
		String challenge = Long.toHexString(System.nanoTime()) + "-" + topic.hashCode();
		Map<String, String> query = new LinkedHashMap<>();
		query.put("hub.mode", "subscribe");
		query.put("hub.topic", topic);
		query.put("hub.challenge", challenge);
		query.put("hub.lease_seconds", (leaseSeconds != null) ? leaseSeconds : "864000");
		StringBuilder uri = new StringBuilder(callback);
		query.forEach((name, value) -> uri.append((uri.indexOf("?") < 0) ? '?' : '&')
			.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
			.append('=')
			.append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
		try {
			HttpResponse<String> answer = CLIENT.send(HttpRequest.newBuilder(URI.create(uri.toString()))
				.timeout(Duration.ofSeconds(30))
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			// Only a subscriber that echoes the challenge wanted this: deliver to it, with the secret it gave.
			if (answer.statusCode() / 100 == 2 && challenge.equals(answer.body())) {
				this.byTopic.put(topic, new Subscription(callback, secret));
				this.verified.incrementAndGet();
			}
		}
		catch (IOException ex) {
			// Not verified: the subscriber's worker asks again after its timeout.
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
