package fr.manchette.parse;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jdom2.Element;
import org.jspecify.annotations.Nullable;

/**
 * The picture an item gives apart from its summary, which readers would not show otherwise: the first, in document
 * order, of a Media RSS {@code media:content} that is an image and a {@code media:thumbnail} (either also inside a
 * {@code media:group}), an RSS {@code enclosure} and an Atom {@code link rel="enclosure"} of an image type. Audio and
 * video are not pictures. The rules of each element are here; {@link ItemElements} walks the tree with them, and
 * {@link StreamedRss} and {@link StreamedAtom} apply them to the parser's events, so that both ways agree.
 */
final class ItemPicture {

	static final String MEDIA_RSS = "http://search.yahoo.com/mrss/";

	/** The file extensions of pictures, for a {@code media:content} that says neither its type nor its medium. */
	private static final Set<String> PICTURE_FILES = Set.of("jpg", "jpeg", "png", "gif", "webp", "avif");

	private ItemPicture() {
	}

	/**
	 * The picture of a Media RSS element: a thumbnail's, or a content's whose medium is an image, or whose type is an
	 * image's, or that says neither and names a picture file (Le Monde and Le Figaro write only its address and size).
	 * Null for any other element.
	 */
	static @Nullable String media(String name, @Nullable String url, @Nullable String type, @Nullable String medium) {
		if (name.equals("thumbnail")) {
			return address(url);
		}
		if (!name.equals("content")) {
			return null;
		}
		boolean picture = (medium != null) ? medium.strip().equalsIgnoreCase("image") || isImageType(type)
				: (type != null) ? isImageType(type) : isPictureFile(url);
		return picture ? address(url) : null;
	}

	/** The picture of an RSS enclosure, or an Atom link whose rel says enclosure: when its type is an image's. */
	static @Nullable String enclosure(@Nullable String url, @Nullable String type) {
		return isImageType(type) ? address(url) : null;
	}

	/** Whether an Atom link's rel is enclosure. */
	static boolean isEnclosure(@Nullable String rel) {
		return rel != null && rel.strip().equals("enclosure");
	}

	/** The picture of an item (or entry) element of the tree, its children read once already. */
	static @Nullable String of(Element item, List<Element> children) {
		for (Element child : children) {
			String uri = child.getNamespaceURI();
			String picture = null;
			if (uri.equals(MEDIA_RSS)) {
				picture = child.getName().equals("group") ? inGroup(child) : media(child);
			}
			else if (uri.equals(item.getNamespaceURI())) {
				picture = own(item, child);
			}
			if (picture != null) {
				return picture;
			}
		}
		return null;
	}

	private static @Nullable String inGroup(Element group) {
		for (Element child : group.getChildren()) {
			if (child.getNamespaceURI().equals(MEDIA_RSS)) {
				String picture = media(child);
				if (picture != null) {
					return picture;
				}
			}
		}
		return null;
	}

	private static @Nullable String media(Element element) {
		return media(element.getName(), element.getAttributeValue("url"), element.getAttributeValue("type"),
				element.getAttributeValue("medium"));
	}

	/** An element of the item's own format: an RSS enclosure, or an Atom link. */
	private static @Nullable String own(Element item, Element child) {
		String name = child.getName();
		if (item.getName().equals("entry")) {
			return (name.equals("link") && isEnclosure(child.getAttributeValue("rel")))
					? enclosure(child.getAttributeValue("href"), child.getAttributeValue("type")) : null;
		}
		return name.equals("enclosure") ? enclosure(child.getAttributeValue("url"), child.getAttributeValue("type"))
				: null;
	}

	private static boolean isImageType(@Nullable String type) {
		return type != null && type.strip().regionMatches(true, 0, "image/", 0, 6);
	}

	/** Whether the address's path ends with a picture file's extension, its query and fragment left aside. */
	private static boolean isPictureFile(@Nullable String url) {
		if (url == null) {
			return false;
		}
		String path = url.strip();
		int end = path.length();
		for (int i = 0; i < path.length(); i++) {
			char c = path.charAt(i);
			if (c == '?' || c == '#') {
				end = i;
				break;
			}
		}
		int dot = path.lastIndexOf('.', end - 1);
		if (dot < 0 || path.lastIndexOf('/', end - 1) > dot) {
			return false;
		}
		return PICTURE_FILES.contains(path.substring(dot + 1, end).toLowerCase(Locale.ROOT));
	}

	private static @Nullable String address(@Nullable String url) {
		return GatheredText.trimmed(url);
	}

}
