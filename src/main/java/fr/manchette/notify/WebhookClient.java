package fr.manchette.notify;

import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import fr.manchette.config.WebhookSettings.Webhook;
import fr.manchette.fetch.FormPost;
import fr.manchette.fetch.OutboundAddresses;
import fr.manchette.store.OutboxDelivery;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * One signed POST of one delivery, its failure as a short reason. No redirect is followed (a receiver that moved
 * is a failure the operator sees), and the address is checked against the policy before each POST: a name may
 * resolve elsewhere than it did at start-up.
 */
final class WebhookClient {

	/** Made at the first POST: its TLS context costs a start some 25 ms, for nothing when no webhook is configured. */
	private @Nullable HttpClient client;

	private final OutboundAddresses addresses;

	private final JsonMapper json;

	private final String userAgent;

	private final Duration timeout;

	WebhookClient(OutboundAddresses addresses, JsonMapper json, String userAgent, Duration timeout) {
		this.addresses = addresses;
		this.json = json;
		this.userAgent = userAgent;
		this.timeout = timeout;
	}

	/**
	 * POSTs one delivery: what the receiver answered (any 2xx: it took it), or why there was no answer. The timeout
	 * bounds the whole POST, connection to the answer's last byte: the JDK's request timeout stops at the headers,
	 * and a receiver that trickles its answer would hold the deliveries back for as long as it likes.
	 */
	FormPost.Outcome send(Webhook hook, OutboxDelivery delivery) {
		URI url = hook.url();
		CompletableFuture<HttpResponse<Void>> answer = null;
		try {
			String refusal = this.addresses.refusal(url, "webhook");
			if (refusal != null) {
				return new FormPost.Outcome(0, refusal);
			}
			byte[] body = WebhookPayload.body(delivery, this.json);
			HttpRequest request = HttpRequest.newBuilder(url)
				.header("Content-Type", "application/json")
				.header("User-Agent", this.userAgent)
				.header(WebhookPayload.SIGNATURE_HEADER, WebhookPayload.signature(body, hook.secret()))
				.header("X-Manchette-Event", delivery.event())
				.header("X-Manchette-Delivery", Long.toString(delivery.id()))
				.POST(HttpRequest.BodyPublishers.ofByteArray(body))
				.build();
			answer = client().sendAsync(request, HttpResponse.BodyHandlers.discarding());
			return new FormPost.Outcome(answer.get(this.timeout.toNanos(), TimeUnit.NANOSECONDS).statusCode(), "");
		}
		catch (UnknownHostException ex) {
			return new FormPost.Outcome(0, "unknown host " + url.getHost());
		}
		catch (TimeoutException ex) {
			return timedOut(answer);
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof HttpTimeoutException) {
				return timedOut(answer);
			}
			if (cause instanceof UnknownHostException) {
				return new FormPost.Outcome(0, "unknown host " + url.getHost());
			}
			return new FormPost.Outcome(0,
					"network: " + ((cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName()));
		}
		catch (InterruptedException ex) {
			// The stop: the POST is abandoned, not left running.
			answer.cancel(true);
			Thread.currentThread().interrupt();
			return new FormPost.Outcome(0, "interrupted");
		}
	}

	private FormPost.Outcome timedOut(CompletableFuture<?> answer) {
		// Cancelling the JDK's exchange closes its connection.
		answer.cancel(true);
		return new FormPost.Outcome(0, "timed out after " + this.timeout.toMillis() + " ms");
	}

	private synchronized HttpClient client() {
		HttpClient made = this.client;
		if (made == null) {
			// HTTP/1.1 as the fetcher speaks it: the JDK's default asks a plain-http receiver for an h2c upgrade on
			// every POST, which some receivers and the proxies in front of them refuse or mishandle.
			made = HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.connectTimeout(this.timeout)
				.followRedirects(HttpClient.Redirect.NEVER)
				.build();
			this.client = made;
		}
		return made;
	}

}
