package fr.manchette.config;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * One entry of {@code feeds} in feeds.yml.
 *
 * @param id stable, url-safe identifier ({@code id}, required): it keys the stored items
 * @param name what readers see ({@code name}, required)
 * @param url the feed's http or https address ({@code url}, required)
 * @param category optional category shown with each item ({@code category})
 * @param interval time between two polls ({@code interval}, default {@code poll.interval})
 * @param enabled whether it is polled ({@code enabled}, default true)
 * @param type how it is read ({@code type}): {@code feed} (default) for RSS and Atom; {@code html} is not
 *     supported yet
 */
public record Source(String id, String name, URI url, @Nullable String category, Duration interval,
		boolean enabled, SourceType type) {

}
