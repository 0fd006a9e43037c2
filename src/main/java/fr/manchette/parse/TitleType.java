package fr.manchette.parse;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** What a feed says its title is: that says whether what looks like markup in it is markup, or text. */
public enum TitleType {

	/**
	 * Plain text, declared: an Atom 1.0 title of type {@code text} or of none (RFC 4287 section 3.1.1: text, never
	 * markup). Its entities were decoded by the document's parser, and its {@code <p>} is text.
	 */
	TEXT,

	/**
	 * Markup, declared: an Atom title of type {@code html} or {@code xhtml} (Atom 0.3's {@code text/html}), a title
	 * that holds elements. Read as HTML.
	 */
	HTML,

	/**
	 * A page's element, written out as HTML by the parser that read the page: its elements are markup, and its text is
	 * what the page shows (entities decoded once, by that parser; what looks like a tag in it is text). A page is parsed
	 * once, and nothing in its text is read again as it is for feeds that escape twice.
	 */
	PAGE,

	/**
	 * Not said: RSS's and RDF's, which feeds write as text or as HTML as they please; and JSON Feed's. Its
	 * specification says plain text, but JSON feeds are written by the same publishing tools from the same HTML titles
	 * (WordPress's gives {@code l&#8217;ONU}), and JSON has no escaping of its own to decode them.
	 */
	UNSAID;

	/**
	 * The type of a title as its element declares it.
	 * @param type the {@code type} attribute as the reader gives it, null when there is none
	 * @param atom10 whether the document is Atom 1.0, where no type means text
	 * @param atom whether it is Atom of any version (0.3 calls its text {@code text/plain} and its markup
	 * {@code text/html})
	 */
	static TitleType declared(@Nullable String type, boolean atom10, boolean atom) {
		if (!atom) {
			return UNSAID;
		}
		if (type != null && type.toLowerCase(Locale.ROOT).contains("html")) {
			return HTML;
		}
		return (atom10 && isText(type)) ? TEXT : UNSAID;
	}

	/** Atom 1.0's plain text: no type, {@code text}, or the media type {@code text/plain}. */
	static boolean isText(@Nullable String type) {
		return type == null || type.equals("text") || type.equals("text/plain");
	}

}
