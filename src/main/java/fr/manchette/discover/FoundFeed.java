package fr.manchette.discover;

import java.net.URI;

import org.jspecify.annotations.Nullable;

/**
 * A feed found for a site, fetched and read to be sure it is one.
 *
 * @param url where to poll it (after redirects)
 * @param format what it is, e.g. {@code rss_2.0}, {@code atom_1.0} or {@code json_1.1}
 * @param title the feed's own title, if it has one, as plain text
 * @param items how many items it holds now
 * @param via how it was found: the page's {@code <link rel="alternate">}, a usual path, or the address itself
 */
public record FoundFeed(URI url, String format, @Nullable String title, int items, String via) {

}
