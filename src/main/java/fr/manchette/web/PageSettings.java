package fr.manchette.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * Settings of the web pages ({@code manchette.page.*}). The refreshes are delays of the ticker page's timer, 500ms to
 * 1h: past 24.8 days a browser's timer overflows and asks again at once, and on and on.
 *
 * @param refresh how often the ticker page asks for new stories ({@code manchette.page.refresh}, default 20s)
 * @param backgroundRefresh how often it asks in a background tab ({@code manchette.page.background-refresh}, default
 * 1m), never more often than {@code refresh}
 * @param frameAncestors the sites that may show the ticker page in a frame ({@code manchette.page.frame-ancestors}),
 * each an origin ({@code https://www.exemple.ma}, {@code https://*.exemple.ma} for its subdomains), separated by
 * commas or spaces; none by default, so that no site can lay the page under its own (clickjacking). {@code *} is
 * refused: the operator names the sites.
 */
@ConfigurationProperties("manchette.page")
record PageSettings(@DefaultValue("20s") Duration refresh, @DefaultValue("1m") Duration backgroundRefresh,
		@DefaultValue List<String> frameAncestors) {

	private static final String KEY = "manchette.page.frame-ancestors";

	/**
	 * An origin as the Content-Security-Policy's {@code frame-ancestors} takes it: http or https, a host (its first label
	 * {@code *} for every subdomain) or an IP address, a port; nothing else, so that nothing of a value can end the
	 * directive or the header.
	 */
	private static final Pattern ORIGIN = Pattern.compile("https?://(\\*\\.)?([a-z0-9]([a-z0-9-]*[a-z0-9])?"
			+ "(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*|\\[[0-9a-f:.]+\\])(:[1-9][0-9]{0,4})?");

	PageSettings {
		requireTimerDelay("manchette.page.refresh", refresh);
		requireTimerDelay("manchette.page.background-refresh", backgroundRefresh);
		frameAncestors = origins(frameAncestors);
	}

	/** The Content-Security-Policy's {@code frame-ancestors} of the ticker page. */
	String framedBy() {
		return this.frameAncestors.isEmpty() ? "'none'" : String.join(" ", this.frameAncestors);
	}

	private static void requireTimerDelay(String key, Duration delay) {
		Assert.isTrue(delay.compareTo(Duration.ofMillis(500)) >= 0 && delay.compareTo(Duration.ofHours(1)) <= 0,
				key + " must be from 500ms to 1h, not " + delay);
	}

	/** Each origin once, in lower case (as browsers compare them), from a list or one value split at spaces. */
	private static List<String> origins(List<String> values) {
		List<String> origins = new ArrayList<>();
		for (String value : values) {
			for (String origin : value.strip().split("\\s+")) {
				String lower = origin.toLowerCase(Locale.ROOT);
				if (lower.isEmpty() || origins.contains(lower)) {
					continue;
				}
				Assert.isTrue(!lower.equals("*"), KEY + " must name the sites that may frame the ticker page: * would "
						+ "let any site lay it under its own page");
				Assert.isTrue(ORIGIN.matcher(lower).matches() && port(lower) <= 65_535, KEY + " must be origins such "
						+ "as https://www.exemple.ma or https://*.exemple.ma (no path), not " + origin);
				origins.add(lower);
			}
		}
		return List.copyOf(origins);
	}

	private static int port(String origin) {
		int colon = origin.lastIndexOf(':');
		int bracket = origin.lastIndexOf(']');
		return (colon > origin.indexOf("://") && colon > bracket) ? Integer.parseInt(origin.substring(colon + 1)) : 0;
	}

}
