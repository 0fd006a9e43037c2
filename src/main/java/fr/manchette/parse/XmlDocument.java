package fr.manchette.parse;

import org.jdom2.Document;

/**
 * An XML document as read: strictly, or recovered by {@link LenientXml}.
 *
 * @param endedEarly true when the text ended before the root element closed (only a recovered document can): what
 * followed the cut is missing
 */
record XmlDocument(Document tree, boolean endedEarly) {

	/** A document read to its root's end. */
	static XmlDocument whole(Document tree) {
		return new XmlDocument(tree, false);
	}

}
