package fr.manchette.fetch;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import fr.manchette.config.ManchetteProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Sends an {@code application/x-www-form-urlencoded} POST in UTF-8, as a WebSub hub takes subscriptions and pings
 * (W3C WebSub, section 5.1). A hub that a feed announces is held to the rule that guards a feed's redirects: a public
 * feed cannot make us post to the operator's network. A hub may send us on with a 307 or 308 (section 5.1.2), a few
 * times, under the same rule. Never throws: a failure is an outcome.
 */
@Component
public class FormPost {

	private static final int MAX_REDIRECTS = 3;

	/** Of a hub's answer, kept to explain a refusal. */
	private static final int DETAIL_CHARS = 300;

	private final HttpClient client;

	private final String userAgent;

	private final AddressPolicy addressPolicy;

	@Autowired
	FormPost(ManchetteProperties properties) {
		this(properties.userAgent(), new AddressPolicy(properties.fetch().allowInternalRedirects()));
	}

	FormPost(String userAgent, AddressPolicy addressPolicy) {
		this.userAgent = userAgent;
		this.addressPolicy = addressPolicy;
		this.client = OutboundClient.create();
	}

	/**
	 * Posts {@code form} to {@code target}.
	 * @param origin the page that named the target (a feed naming its hub), held to the address rule; null when the
	 * operator named it
	 */
	public Outcome post(@Nullable URI origin, URI target, Map<String, String> form, Duration timeout) {
		String body = form.entrySet()
			.stream()
			.map((field) -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
		URI current = target;
		for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
			String refusal = refusal(origin, current);
			if (refusal != null) {
				return new Outcome(0, refusal);
			}
			HttpResponse<String> response;
			try {
				response = this.client.send(HttpRequest.newBuilder(current)
					.timeout(timeout)
					.header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
					.header("User-Agent", this.userAgent)
					.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
					.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			}
			catch (HttpTimeoutException ex) {
				return new Outcome(0, "timed out after " + timeout);
			}
			catch (IOException ex) {
				return new Outcome(0, "network: " + ex.getClass().getSimpleName()
						+ ((ex.getMessage() != null) ? ": " + ex.getMessage() : ""));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return new Outcome(0, "interrupted");
			}
			catch (IllegalArgumentException ex) {
				return new Outcome(0, "unusable address: " + ex.getMessage());
			}
			int status = response.statusCode();
			String location = response.headers().firstValue("Location").orElse(null);
			if ((status == 307 || status == 308) && location != null) {
				try {
					current = current.resolve(location.strip());
				}
				catch (IllegalArgumentException ex) {
					return new Outcome(status, "redirect to an unusable address");
				}
				continue;
			}
			String text = response.body().strip();
			return new Outcome(status, (text.length() > DETAIL_CHARS) ? text.substring(0, DETAIL_CHARS) : text);
		}
		return new Outcome(0, "more than " + MAX_REDIRECTS + " redirects");
	}

	private @Nullable String refusal(@Nullable URI origin, URI target) {
		String scheme = target.getScheme();
		if (target.getHost() == null || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
			return "not an http or https address: " + target;
		}
		if (origin == null) {
			return null;
		}
		try {
			return this.addressPolicy.refusal(origin, target, "hub");
		}
		catch (UnknownHostException ex) {
			return "unknown host " + target.getHost();
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/**
	 * What the server answered.
	 * @param status the HTTP status; 0 when there was no answer or the address was refused
	 * @param detail the start of the answer's body, or what went wrong
	 */
	public record Outcome(int status, String detail) {

		public boolean succeeded() {
			return this.status >= 200 && this.status < 300;
		}

		/** The status and detail, for a log line or a recorded error. */
		public String describe() {
			return (this.status == 0) ? this.detail : "HTTP " + this.status + (this.detail.isEmpty() ? "" : ": " + this.detail);
		}

	}

}
