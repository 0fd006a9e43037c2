package fr.manchette.parse;

import org.jspecify.annotations.Nullable;
import org.xml.sax.Attributes;

/**
 * What an item's (or entry's) children say that {@link StreamedRss} and {@link StreamedAtom} read alike, each the first
 * of its kind (as the tree's readers search them): the dates and the language that {@link ItemElements} reads in any
 * namespace, and the Dublin Core date and creator that {@link CommonFormatReader} reads. Each reader's item extends it
 * with what its format says: an object a document, not one more an item.
 */
class StreamedItem {

	/** The first text of each of ItemElements' date elements, in its order of preference. */
	private final @Nullable String[] dates = new String[ItemElements.DATE_ELEMENTS.size()];

	private @Nullable String language;

	/** The bases from the root down to the item, as ItemElements chains them. */
	BaseChain base = BaseChain.NONE;

	/** The xml:lang in scope of the item, stripped: its own, else its parents'. */
	@Nullable String lang;

	@Nullable String dcDate;

	@Nullable String dcCreator;

	/** The first picture it gives apart from its summary, by ItemPicture's rules. */
	@Nullable String picture;

	/** Whether the child last opened is a media:group, whose children are then read for a picture. */
	boolean inMediaGroup;

	/** The text of a child in any namespace: kept when it is a date element or language, and the first of its name. */
	final void anyNamespace(String name, String value) {
		if (name.equals("language")) {
			this.language = (this.language == null) ? value : this.language;
			return;
		}
		int date = ItemElements.DATE_ELEMENTS.indexOf(name);
		if (date >= 0 && this.dates[date] == null) {
			this.dates[date] = value;
		}
	}

	/** The text of a Dublin Core child: kept when it is a date or a creator, and the first of its name. */
	final void dublinCore(String name, String value) {
		if (name.equals("date")) {
			this.dcDate = (this.dcDate == null) ? value : this.dcDate;
		}
		else if (name.equals("creator")) {
			this.dcCreator = (this.dcCreator == null) ? value : this.dcCreator;
		}
	}

	/**
	 * A child of the item (or entry): whether it is a media:group, whose children are then read too
	 * ({@link #mediaPicture}); and its picture.
	 */
	final void child(String uri, String localName, Attributes attributes) {
		this.inMediaGroup = uri.equals(ItemPicture.MEDIA_RSS) && localName.equals("group");
		mediaPicture(uri, localName, attributes);
	}

	/** A child of the item or of its media:group: its picture when it is a Media RSS one, as ItemPicture reads it. */
	final void mediaPicture(String uri, String localName, Attributes attributes) {
		if (this.picture == null && uri.equals(ItemPicture.MEDIA_RSS)) {
			take(ItemPicture.media(localName, attributes.getValue("", "url"), attributes.getValue("", "type"),
					attributes.getValue("", "medium")));
		}
	}

	/** A picture found, kept when it is the first. */
	final void take(@Nullable String found) {
		this.picture = (this.picture == null) ? found : this.picture;
	}

	/** ItemElements' date: the first of its date elements, in its order of preference, whose text is not blank. */
	final @Nullable String date() {
		for (String text : this.dates) {
			String date = GatheredText.trimmed(text);
			if (date != null) {
				return date;
			}
		}
		return null;
	}

	/** ItemElements' language: the item's language element, else the xml:lang in scope. */
	final @Nullable String language() {
		String own = GatheredText.trimmed(this.language);
		return (own != null) ? own : this.lang;
	}

	/** The language in scope of an element: its own xml:lang, stripped, unless blank; else its parent's. */
	static @Nullable String inScope(@Nullable String parent, @Nullable String own) {
		return (own != null && !own.isBlank()) ? own.strip() : parent;
	}

}
