package fr.manchette.parse;

import org.xml.sax.SAXException;

/**
 * Stops {@link StreamedRss} or {@link StreamedAtom} at what they leave to the tree: how every document that is not
 * read without a tree ends, so without a stack. One per document, not a shared instance: the parser may attach a
 * cause or a suppressed exception to what it is thrown.
 */
final class NotRead extends SAXException {

	private static final long serialVersionUID = 1L;

	NotRead() {
		super("left to the tree");
	}

	@Override
	public synchronized Throwable fillInStackTrace() {
		return this;
	}

}
