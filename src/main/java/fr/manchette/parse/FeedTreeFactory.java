package fr.manchette.parse;

import org.jdom2.Content;
import org.jdom2.Element;
import org.jdom2.Parent;
import org.jdom2.Text;
import org.jdom2.UncheckedJDOMFactory;

/**
 * Builds a feed's tree without the line breaks and indentation between the elements of its frame: the root, its
 * channel, and each item or entry. Nothing reads a text there (the feed's and items' values are in their elements),
 * and Rome searches an item's children by name a dozen times, each search going over every node of the item, text
 * or not: half of them were blanks. A blank in any other element is kept, where it may be text (between two words
 * in bold, in an XHTML summary). Unchecked as {@link SafeXml} explains.
 */
final class FeedTreeFactory extends UncheckedJDOMFactory {

	@Override
	public void addContent(Parent parent, Content child) {
		// Blank first: a text with words says so at its first character, and then needs no walk up to the root.
		if (child.getClass() == Text.class && parent instanceof Element element && isBlank(((Text) child).getText())
				&& isFrame(element)) {
			return;
		}
		super.addContent(parent, child);
	}

	/** The root, a channel under it, or an item or entry under the root or its channel. */
	private static boolean isFrame(Element element) {
		Element parent = element.getParentElement();
		if (parent == null) {
			return element.isRootElement();
		}
		Element grandParent = parent.getParentElement();
		String name = element.getName();
		if (grandParent == null) {
			return name.equals("channel") || name.equals("item") || name.equals("entry");
		}
		return grandParent.isRootElement() && grandParent.getParentElement() == null
				&& parent.getName().equals("channel") && name.equals("item");
	}

	/** White space as XML has it: space, tab, line feed, carriage return. */
	private static boolean isBlank(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
				return false;
			}
		}
		return true;
	}

}
