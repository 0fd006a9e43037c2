package fr.manchette.parse;

import java.util.ArrayList;
import java.util.List;

import org.jdom2.Document;
import org.jdom2.Element;
import org.jspecify.annotations.Nullable;

/**
 * The WebSub discovery links of an XML feed (W3C WebSub, section 4): {@code <link rel="hub" href="…"/>} and
 * {@code <link rel="self" href="…"/>} on the feed itself, that is on Atom's root and in RSS's {@code <channel>}, where
 * they are {@code atom:link} elements. Rome keeps neither for RSS, so they are read from the document, as
 * {@link UpdatePeriod} reads {@code <ttl>}. An RSS {@code <link>} holds its address as text and has no {@code rel}:
 * only links with both {@code rel} and {@code href} count, whatever their namespace.
 *
 * @param hubs the hubs, in document order, without repeats
 * @param self the first self link, if any
 */
record FeedHubs(List<String> hubs, @Nullable String self) {

	/** More is no feed's business: a publisher announces one or two. */
	static final int MAX_HUBS = 10;

	static FeedHubs of(Document document) {
		Element root = document.getRootElement();
		Element channel = switch (root.getName()) {
			case "rss", "RDF" -> root.getChildren().stream()
				.filter((child) -> child.getName().equals("channel"))
				.findFirst()
				.orElse(null);
			default -> root;
		};
		if (channel == null) {
			return new FeedHubs(List.of(), null);
		}
		Links links = new Links();
		for (Element child : channel.getChildren()) {
			if (child.getName().equals("link")) {
				links.add(child.getAttributeValue("rel"), child.getAttributeValue("href"));
			}
		}
		return links.hubs();
	}

	/** The channel's {@code link} elements, of any namespace, read one at a time in document order. */
	static final class Links {

		private final List<String> hubs = new ArrayList<>();

		private @Nullable String self;

		/** A link's {@code rel} and {@code href} attributes (without namespace), null where it has none. */
		void add(@Nullable String rel, @Nullable String href) {
			if (rel == null || href == null || href.isBlank()) {
				return;
			}
			String address = href.strip();
			// rel is a list of space-separated relation types (RFC 8288): "hub self" is both.
			for (String type : rel.strip().split("\\s+")) {
				if (type.equalsIgnoreCase("hub") && !this.hubs.contains(address) && this.hubs.size() < MAX_HUBS) {
					this.hubs.add(address);
				}
				else if (type.equalsIgnoreCase("self") && this.self == null) {
					this.self = address;
				}
			}
		}

		FeedHubs hubs() {
			return new FeedHubs(this.hubs, this.self);
		}

	}

}
