package fr.manchette.fetch;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** Reads the {@code Retry-After} header: delay-seconds or an HTTP-date (RFC 9110 §10.2.3). */
final class RetryAfter {

	private RetryAfter() {
	}

	static @Nullable Duration parse(@Nullable String value, Instant now) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String trimmed = value.trim();
		try {
			long seconds = Long.parseLong(trimmed);
			return (seconds >= 0) ? Duration.ofSeconds(seconds) : null;
		}
		catch (NumberFormatException notSeconds) {
			Instant at = HttpDate.parse(trimmed);
			if (at == null) {
				return null;
			}
			Duration wait = Duration.between(now, at);
			return wait.isNegative() ? Duration.ZERO : wait;
		}
	}

}
