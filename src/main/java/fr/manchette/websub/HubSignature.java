package fr.manchette.websub;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * The {@code X-Hub-Signature} of a delivery (W3C WebSub, section 7.1): {@code method=hex}, the HMAC of the body keyed
 * with the subscription's secret, by one of the four registered methods. Anything else is no valid signature: an
 * unknown method, a malformed value, no header at all, since every subscription of ours has a secret.
 */
final class HubSignature {

	/** The registered method names (section 7.1.1) and their JCA names. */
	private static final Map<String, String> METHODS = Map.of("sha1", "HmacSHA1", "sha256", "HmacSHA256", "sha384",
			"HmacSHA384", "sha512", "HmacSHA512");

	private HubSignature() {
	}

	/** Whether {@code header} is the signature of {@code body} under {@code secret}. */
	static boolean valid(@Nullable String header, byte[] body, String secret) {
		if (header == null) {
			return false;
		}
		int equals = header.indexOf('=');
		if (equals <= 0) {
			return false;
		}
		String algorithm = METHODS.get(header.substring(0, equals).strip().toLowerCase(Locale.ROOT));
		if (algorithm == null) {
			return false;
		}
		byte[] claimed;
		try {
			claimed = HexFormat.of().parseHex(header.substring(equals + 1).strip().toLowerCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		// Constant time: how much of a forged signature matched must not show in the answer's timing.
		return MessageDigest.isEqual(hmac(algorithm, body, secret), claimed);
	}

	private static byte[] hmac(String algorithm, byte[] body, String secret) {
		try {
			Mac mac = Mac.getInstance(algorithm);
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
			return mac.doFinal(body);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("every Java runtime has " + algorithm, ex);
		}
	}

}
