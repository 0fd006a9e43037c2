package fr.manchette.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

import fr.manchette.config.AdminSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who may run an admin action: a request whose {@code Authorization: Bearer …} shows {@code manchette.admin.token}.
 * Compared by their SHA-256 digests, in a time that tells nothing of how much of the token a guess got right, nor of
 * its length.
 */
@Component
class AdminToken {

	private final byte @Nullable [] digest;

	AdminToken(AdminSettings settings) {
		this.digest = (settings.token() != null) ? sha256(settings.token()) : null;
	}

	/** Passes a request that shows the token; refuses any other with why. */
	void check(@Nullable String authorization) {
		if (this.digest == null) {
			throw new AdminRefusedException(HttpStatus.FORBIDDEN,
					"admin actions are off: set manchette.admin.token (env MANCHETTE_ADMIN_TOKEN) to enable them");
		}
		String prefix = "bearer ";
		if (authorization == null || authorization.length() <= prefix.length()
				|| !authorization.substring(0, prefix.length()).toLowerCase(Locale.ROOT).equals(prefix)) {
			throw new AdminRefusedException(HttpStatus.UNAUTHORIZED,
					"an admin action needs the header Authorization: Bearer <manchette.admin.token>");
		}
		if (!MessageDigest.isEqual(this.digest, sha256(authorization.substring(prefix.length()).strip()))) {
			throw new AdminRefusedException(HttpStatus.UNAUTHORIZED, "wrong admin token");
		}
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	}

}
