package fr.manchette.fetch;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
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

	/** Of a hub's answer, read to find those characters; the rest is not read. */
	private static final long DETAIL_BYTES = 64 * 1024;

	private final String userAgent;

	private final AddressPolicy addressPolicy;

	@Autowired
	FormPost(ManchetteProperties properties) {
		this(properties.userAgent(), new AddressPolicy(properties.fetch().allowInternalRedirects()));
	}

	FormPost(String userAgent, AddressPolicy addressPolicy) {
		this.userAgent = userAgent;
		this.addressPolicy = addressPolicy;
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
			// Each hop has the whole timeout, connection to the answer's last byte.
			long deadline = System.nanoTime() + timeout.toNanos();
			try (Exchange exchange = OutboundClient.open(current, "POST", deadline)) {
				exchange.header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8");
				exchange.header("User-Agent", this.userAgent);
				// Else the JDK sends its own, a browser's of 1998.
				exchange.header("Accept", "*/*");
				int status = exchange.send(body.getBytes(StandardCharsets.UTF_8));
				if (status == -1) {
					return new Outcome(0, "network: not an HTTP answer");
				}
				String location = exchange.header("Location");
				if ((status == 307 || status == 308) && location != null) {
					exchange.discard();
					try {
						current = current.resolve(location.strip());
					}
					catch (IllegalArgumentException ex) {
						return new Outcome(status, "redirect to an unusable address");
					}
					continue;
				}
				String text = new String(exchange.body(DETAIL_BYTES).bytes(), StandardCharsets.UTF_8).strip();
				return new Outcome(status, (text.length() > DETAIL_CHARS) ? text.substring(0, DETAIL_CHARS) : text);
			}
			catch (DeadlinePassed ex) {
				return new Outcome(0, "timed out after " + timeout);
			}
			catch (InterruptedIOException ex) {
				return new Outcome(0, "interrupted");
			}
			catch (IOException ex) {
				return new Outcome(0, "network: " + ex.getClass().getSimpleName()
						+ ((ex.getMessage() != null) ? ": " + ex.getMessage() : ""));
			}
			catch (IllegalArgumentException ex) {
				return new Outcome(0, "unusable address: " + ex.getMessage());
			}
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
