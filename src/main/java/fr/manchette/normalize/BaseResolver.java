package fr.manchette.normalize;

import java.net.URI;

import fr.manchette.parse.BaseChain;

/**
 * The absolute base a feed's chain of {@code xml:base} (or JSON Feed {@code home_page_url}) stands for, as XML Base
 * and RFC 3986 section 5.2 define it: each reference resolved against the base of its parent, the document's own
 * address (after redirects) outermost. So {@code /sport/} inside {@code https://www.journaldelyon.fr/} is
 * {@code https://www.journaldelyon.fr/sport/}, whatever the feed's own address.
 * <p>
 * Resolution is {@link UriReference}'s, not {@link URI#resolve(URI)}'s, which mishandles an empty base path and a
 * reference that is only a query. A level that gives no http(s) URL ({@code urn:}, {@code file:}, garbage) is skipped:
 * its children resolve against the level above, as a reader would rather than lose every link of the feed.
 */
final class BaseResolver {

	private BaseResolver() {
	}

	static URI resolve(URI document, BaseChain chain) {
		URI base = document;
		for (String reference : chain.references()) {
			base = LinkCanonicalizer.canonical(reference, base).orElse(base);
		}
		return base;
	}

}
