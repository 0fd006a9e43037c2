package fr.manchette.parse;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The base against which an item's relative references resolve, as the feed wrote it: a chain of URI references
 * (Atom's and XML's {@code xml:base}, a JSON Feed's {@code home_page_url}), outermost first, each relative to the
 * one before it and the first to the document's own address. The parser cannot resolve it: that address (after
 * redirects) is the fetcher's, and RFC 3986 section 5.2 needs an absolute base at the start of the chain.
 *
 * @param references the references in scope, outermost first; blank ones (which change nothing) left out
 */
public record BaseChain(List<String> references) {

	/** No base of the feed's own: relative references resolve against the document's address. */
	public static final BaseChain NONE = new BaseChain(List.of());

	public BaseChain {
		references = List.copyOf(references);
	}

	/** This chain with one more, inner, reference; the same chain when it is blank or null. */
	BaseChain then(@Nullable String reference) {
		if (reference == null || reference.isBlank()) {
			return this;
		}
		List<String> longer = new ArrayList<>(this.references);
		longer.add(reference.strip());
		return new BaseChain(longer);
	}

}
