package fr.manchette.config;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;
import org.springframework.util.DigestUtils;

/**
 * One entry of {@code feeds} in feeds.yml.
 *
 * @param id stable, url-safe identifier ({@code id}, required): it keys the stored items
 * @param name what readers see ({@code name}, required)
 * @param url the feed's or the page's http or https address ({@code url}, required)
 * @param category optional category shown with each item ({@code category})
 * @param interval time between two polls ({@code interval}, default {@code poll.interval})
 * @param enabled whether it is polled ({@code enabled}, default true)
 * @param type how it is read ({@code type}): {@code feed} (default) for RSS and Atom, {@code html} for a page with
 *     no feed, read with the CSS selectors of {@code select}
 * @param select where the headlines are in the page ({@code select}): required for {@code type: html}, refused for
 *     {@code type: feed}
 * @param enrich for {@code type: html}: fetch each new item's article page once and take its description, picture
 *     and publication time from its meta tags when the ticker does not show them ({@code enrich}, default false)
 * @param adaptive whether its interval follows its publishing rate, {@code interval} being only where it starts
 *     ({@code adaptive}, default {@code poll.adaptive})
 * @param maxInterval the longest interval it drifts to when adaptive and quiet ({@code max-interval}, default
 *     {@code poll.max-interval})
 * @param rules its own {@code drop}, {@code keep} and {@code languages}, on top of the file-wide ones
 */
public record Source(String id, String name, URI url, @Nullable String category, Duration interval,
		boolean enabled, SourceType type, @Nullable TickerSelectors select, boolean enrich, boolean adaptive,
		Duration maxInterval, EditorialRules rules) {

	/** The longest id. */
	public static final int MAX_ID_LENGTH = 64;

	/** The longest url, in its ASCII form: what the store keeps of it ({@code source_status.url}). */
	public static final int MAX_URL_LENGTH = 2048;

	/** What an id may be: lowercase letters, digits, '-', '_' or '.', starting with a letter or a digit. */
	public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0," + (MAX_ID_LENGTH - 1) + "}");

	public Source {
		Assert.isTrue(type != SourceType.HTML || select != null, "a type html source needs its select block");
	}

	/** The {@link #reading()} of every {@code type: feed} source. */
	public static final String FEED_READING = "feed";

	/**
	 * How its body is read, in a few characters: {@code feed}, or {@code html:} and a digest of its {@code select}.
	 * What a poll learnt of its address (the validators above all) holds only while it is read the same way: to
	 * selectors fixed in feeds.yml, a 304 would say that the page did not change, not that what they read from it
	 * did not.
	 */
	public String reading() {
		// The record's text names every selector and format, and the zone: what changes what is read.
		return (this.select == null) ? FEED_READING
				: "html:" + DigestUtils.md5DigestAsHex(this.select.toString().getBytes(StandardCharsets.UTF_8));
	}

	/** Its url as shown to others: a credential in its query hidden ({@link ShownUrl}). */
	public String shownUrl() {
		return ShownUrl.of(this.url.toString());
	}

	/** A source polled at its fixed interval, without rules of its own. */
	public Source(String id, String name, URI url, @Nullable String category, Duration interval, boolean enabled,
			SourceType type, @Nullable TickerSelectors select, boolean enrich) {
		this(id, name, url, category, interval, enabled, type, select, enrich, false,
				PollDefaults.DEFAULT_MAX_INTERVAL, EditorialRules.NONE);
	}

	/** A source without rules of its own. */
	public Source(String id, String name, URI url, @Nullable String category, Duration interval, boolean enabled,
			SourceType type, @Nullable TickerSelectors select, boolean enrich, boolean adaptive,
			Duration maxInterval) {
		this(id, name, url, category, interval, enabled, type, select, enrich, adaptive, maxInterval,
				EditorialRules.NONE);
	}

	/** A source polled at its fixed interval. */
	public Source(String id, String name, URI url, @Nullable String category, Duration interval, boolean enabled,
			SourceType type, @Nullable TickerSelectors select, boolean enrich, EditorialRules rules) {
		this(id, name, url, category, interval, enabled, type, select, enrich, false,
				PollDefaults.DEFAULT_MAX_INTERVAL, rules);
	}

	/** A feed source, or any source without selectors: no {@code select}, no {@code enrich}. */
	public Source(String id, String name, URI url, @Nullable String category, Duration interval, boolean enabled,
			SourceType type) {
		this(id, name, url, category, interval, enabled, type, null, false);
	}

}
