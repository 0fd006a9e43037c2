package fr.manchette.parse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import org.jdom2.Attribute;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * The elements Rome throws on, found and taken out of a document it refused, so that the rest is read. Rome reads a
 * whole document or nothing, and one value it cannot read loses the feed: a channel's {@code <cloud>} port or
 * {@code <skipHours>} hour that is not a number, the syndication module's frequency, an Atom self link without
 * address, an Atom 0.3 text of a mode it does not know. Such a failure belongs to one element, whatever its
 * neighbours: each child of the channel, and each item, is given to Rome alone in the document's bare frame; an item
 * Rome refuses alone loses the children Rome refuses alone, and only when it is still refused the item itself.
 * <p>
 * Only for a document Rome refused: each trial is a reading of its own, one per child of the channel, then one of all
 * the items together, and only when that is refused one per item.
 */
final class RomeRefusals {

	private RomeRefusals() {
	}

	/**
	 * Takes out of the document what Rome refuses to read.
	 * @return whether anything was taken out; false too when even the document's bare frame (its root and channel,
	 * empty) is refused: then the document as a whole is, and it is left as it was
	 */
	static boolean takeOut(Document document) {
		List<Element> items = ItemElements.items(document);
		// Dates never make Rome throw (it reads an unreadable one as none), and parsing thousands of them would cost
		// more than all the trials: out while Rome is tried, as for the reading itself.
		RomeDates dates = RomeDates.prepare(items, true).withoutFeedDates(document);
		List<Element> refused;
		try {
			refused = refused(document.getRootElement(), items);
		}
		finally {
			dates.restore();
		}
		refused.forEach(Element::detach);
		return !refused.isEmpty();
	}

	/** What Rome refuses of the document: none too when it refuses its bare frame. */
	private static List<Element> refused(Element root, List<Element> itemList) {
		Frame frame = new Frame(root);
		if (!frame.reads()) {
			return List.of();
		}
		Set<Element> items = Collections.newSetFromMap(new IdentityHashMap<>());
		items.addAll(itemList);
		// What Rome refuses is most often the channel's: then one reading of every item spares one reading each.
		boolean itemsRead = new Frame(root).readsOnce(itemList);
		List<Element> refused = new ArrayList<>();
		for (Element container : frame.containers) {
			for (Element child : container.getChildren()) {
				boolean item = items.contains(child);
				if (frame.containers.contains(child) || (item && itemsRead) || frame.reads(child)) {
					continue;
				}
				refused.addAll(item ? refusedIn(frame, child) : List.of(child));
			}
		}
		return refused;
	}

	/** What to take out of an item Rome refuses: the children it refuses alone, or the item if that is not enough. */
	private static List<Element> refusedIn(Frame frame, Element item) {
		List<Element> parts = new ArrayList<>();
		List<Element> kept = new ArrayList<>();
		for (Element part : item.getChildren()) {
			(frame.reads(item, List.of(part)) ? kept : parts).add(part);
		}
		return (!parts.isEmpty() && frame.reads(item, kept)) ? parts : List.of(item);
	}

	/**
	 * The document's root and the channel under it (RSS's, RDF's), each without its content: the frame in which each
	 * element is read alone.
	 */
	private static final class Frame {

		/** The root and its channels, in the document. */
		final List<Element> containers = new ArrayList<>();

		/** Their copies, in the same order, in the frame's document. */
		private final List<Element> copies = new ArrayList<>();

		private final Document document;

		Frame(Element root) {
			Element rootCopy = bare(root);
			this.containers.add(root);
			this.copies.add(rootCopy);
			for (Element child : root.getChildren()) {
				if (child.getName().equals("channel")) {
					Element copy = bare(child);
					rootCopy.addContent(copy);
					this.containers.add(child);
					this.copies.add(copy);
				}
			}
			this.document = new Document(rootCopy);
		}

		/** Whether Rome reads the frame alone. */
		boolean reads() {
			return romeReads(this.document);
		}

		/** Whether Rome reads the frame with the element alone in it, in the place of its parent. */
		boolean reads(Element element) {
			return readsWith(element, element.clone());
		}

		/** Whether Rome reads the frame with the item alone in it, with only the given children. */
		boolean reads(Element item, List<Element> children) {
			Element copy = bare(item);
			children.forEach((child) -> copy.addContent(child.clone()));
			return readsWith(item, copy);
		}

		/**
		 * Whether Rome reads the frame with all the items in it, each in the place of its parent. The frame is not to
		 * be read again: taking thousands of items out one by one costs a search of the list each.
		 */
		boolean readsOnce(List<Element> items) {
			for (Element item : items) {
				this.copies.get(this.containers.indexOf(item.getParentElement())).addContent(item.clone());
			}
			return romeReads(this.document);
		}

		private boolean readsWith(Element element, Element copy) {
			Element parent = this.copies.get(this.containers.indexOf(element.getParentElement()));
			parent.addContent(copy);
			try {
				return romeReads(this.document);
			}
			finally {
				copy.detach();
			}
		}

		/** The element, its attributes and the namespaces it declares, without its content. */
		private static Element bare(Element element) {
			Element copy = new Element(element.getName(), element.getNamespace());
			for (Namespace declared : element.getAdditionalNamespaces()) {
				copy.addNamespaceDeclaration(declared);
			}
			for (Attribute attribute : element.getAttributes()) {
				copy.setAttribute(attribute.clone());
			}
			return copy;
		}

		private static boolean romeReads(Document document) {
			try {
				new SyndFeedInput().build(document);
				return true;
			}
			catch (FeedException | RuntimeException ex) {
				return false;
			}
		}

	}

}
