package fr.manchette.support;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A body's signature as its receiver computes it, apart from the service's own code: {@code method=hex} of the HMAC
 * of the body's bytes keyed with the shared secret, as a WebSub hub signs a delivery (W3C WebSub, section 7.1) and
 * Manchette a webhook.
 */
public final class HmacSignature {

	private HmacSignature() {
	}

	/** @param method {@code sha1}, {@code sha256}, {@code sha384} or {@code sha512} */
	public static String of(String method, byte[] body, String secret) {
		String algorithm = "Hmac" + method.toUpperCase(Locale.ROOT);
		try {
			Mac mac = Mac.getInstance(algorithm);
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
			return method + "=" + HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("every Java runtime has " + algorithm, ex);
		}
	}

}
