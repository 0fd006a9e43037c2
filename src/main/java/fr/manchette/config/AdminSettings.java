package fr.manchette.config;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * The operator's actions over HTTP ({@code manchette.admin.*}): off until a token is set, and then only for a request
 * that shows it.
 *
 * @param token the secret an admin request shows ({@code Authorization: Bearer …}); from the environment
 * ({@code MANCHETTE_ADMIN_TOKEN}) rather than a file of the repository
 * @param keepBackups how many of the newest backups are kept, the older ones removed after each copy; 0 keeps all
 */
@ConfigurationProperties("manchette.admin")
public record AdminSettings(@Nullable String token, @DefaultValue("7") int keepBackups) {

	/** Shorter is guessed; 16 characters drawn at random are out of reach. */
	static final int SHORTEST_TOKEN = 16;

	public AdminSettings {
		if (token != null && token.isBlank()) {
			token = null;
		}
		Assert.isTrue(token == null || token.strip().length() >= SHORTEST_TOKEN,
				"manchette.admin.token must be at least " + SHORTEST_TOKEN + " characters (e.g. openssl rand -hex 16)");
		Assert.isTrue(token == null || token.equals(token.strip()),
				"manchette.admin.token must not start or end with a space");
		Assert.isTrue(keepBackups >= 0, "manchette.admin.keep-backups must be 0 (keep all) or more, not " + keepBackups);
	}

}
