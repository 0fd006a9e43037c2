package fr.manchette.notify;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import fr.manchette.store.OutboxDelivery;
import tools.jackson.databind.json.JsonMapper;

/**
 * The body of a webhook POST and its signature. The body is written the same way at every attempt, so a retry
 * carries the same bytes and the same signature.
 */
final class WebhookPayload {

	/** The header that carries {@code sha256=<hex HMAC-SHA256 of the body, keyed with the hook's secret>}. */
	static final String SIGNATURE_HEADER = "X-Manchette-Signature";

	private WebhookPayload() {
	}

	/**
	 * {@code {"event":"story.new","delivery":12,"id":"…","title":"…","link":"…","sources":["…"],"time":"…Z"}}.
	 */
	static byte[] body(OutboxDelivery delivery, JsonMapper json) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("event", delivery.event());
		body.put("delivery", delivery.id());
		body.put("id", delivery.storyKey());
		body.put("title", delivery.title());
		body.put("link", delivery.link());
		body.put("sources", delivery.sources());
		// To the second, as every date the service answers with: the store keeps microseconds.
		body.put("time", delivery.storyAt().truncatedTo(ChronoUnit.SECONDS).toString());
		return json.writeValueAsBytes(body);
	}

	/** {@code sha256=} and the lower-case hex HMAC-SHA256 of the body, keyed with the secret's UTF-8 bytes. */
	static String signature(byte[] body, String secret) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("Every JVM has HmacSHA256 and takes any key length for it", ex);
		}
	}

}
