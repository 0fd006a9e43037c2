package fr.manchette.parse;

import org.jspecify.annotations.Nullable;
import org.xml.sax.SAXException;

/**
 * The text of the element that {@link StreamedRss} or {@link StreamedAtom} is reading, gathered from the parser's
 * events as the tree's {@code getText} would give it, with what the reader noted at its start; and how deep the parser
 * is, which says whose text the characters are. One element at a time: an element inside it stops the reading
 * ({@link NotRead}), the tree's {@code getText} leaving its text out.
 */
final class GatheredText {

	/** How many elements are open. */
	private int depth;

	private final StringBuilder text = new StringBuilder();

	/** The depth inside the element whose text is gathered while it is open, else -1. */
	private int textDepth = -1;

	private String name = "";

	private String uri = "";

	private String prefix = "";

	private @Nullable String attribute;

	private @Nullable String base;

	/** At the start of an element: its depth, 0 for the root. None may start in the one whose text is gathered. */
	int enter() throws SAXException {
		if (this.textDepth >= 0) {
			throw new NotRead();
		}
		return this.depth++;
	}

	/**
	 * Starts gathering the text of the element just entered, with an attribute the reader reads with its text and its
	 * xml:base.
	 */
	void start(String uri, String localName, String qName, @Nullable String attribute, @Nullable String base) {
		this.text.setLength(0);
		this.textDepth = this.depth;
		this.name = localName;
		this.uri = uri;
		int colon = qName.indexOf(':');
		this.prefix = (colon >= 0) ? qName.substring(0, colon) : "";
		this.attribute = attribute;
		this.base = base;
	}

	/** Characters: the gathered element's own when the parser is at its depth. */
	void characters(char[] ch, int start, int length) {
		if (this.depth == this.textDepth) {
			this.text.append(ch, start, length);
		}
	}

	/** At the end of an element: its depth. */
	int leave() {
		return --this.depth;
	}

	/** The text of the element just left when it is the one whose text was gathered, else null. */
	@Nullable String end() {
		if (this.depth != this.textDepth - 1) {
			return null;
		}
		this.textDepth = -1;
		return this.text.toString();
	}

	String name() {
		return this.name;
	}

	String uri() {
		return this.uri;
	}

	@Nullable String attribute() {
		return this.attribute;
	}

	@Nullable String base() {
		return this.base;
	}

	/** A text as {@link ItemElements#text} gives it: trimmed, null when absent or blank. */
	static @Nullable String trimmed(@Nullable String text) {
		if (text == null) {
			return null;
		}
		String trimmed = text.trim();
		return trimmed.isEmpty() ? null : trimmed;
	}

	/** Whether the element is of the syndication module ({@link UpdatePeriod#isSyndication}). */
	boolean isSyndication() {
		return UpdatePeriod.isSyndication(this.uri, this.prefix);
	}

}
