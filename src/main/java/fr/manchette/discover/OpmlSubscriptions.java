package fr.manchette.discover;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * The feeds an OPML subscription list names, as feed readers export them: every {@code <outline>} with an
 * {@code xmlUrl}, at any depth, named by its {@code text} (else its {@code title}), in the folder of the innermost
 * outline around it that names no feed (else in its {@code category}). Read by Jsoup's XML parser, which expands no
 * entity it does not know and fetches nothing a DOCTYPE names.
 */
final class OpmlSubscriptions {

	/** One feed of the list. */
	record Subscription(URI url, @Nullable String title, @Nullable String folder) {
	}

	/** The feeds to propose, and what the list names that is not proposed, with why. */
	record Read(List<Subscription> feeds, List<LeftOut> leftOut) {
	}

	private OpmlSubscriptions() {
	}

	/**
	 * Reads a list, in the encoding its byte order mark or XML declaration names (UTF-8 without either); a document
	 * that is not OPML is refused with what it is.
	 */
	static Read read(byte[] bytes) {
		Document document;
		try {
			document = Jsoup.parse(new ByteArrayInputStream(bytes), null, "", Parser.xmlParser());
		}
		catch (IOException ex) {
			// Read from memory: only an encoding that the JDK does not know gets here.
			throw new DiscoveryException("Not readable: " + ex.getMessage());
		}
		Element root = document.children().stream().findFirst().orElse(null);
		if (root == null || !root.normalName().equals("opml")) {
			throw new DiscoveryException((root == null) ? "Not an OPML document: no element in it."
					: "Not an OPML document: its root is <" + root.tagName() + ">, not <opml>.");
		}
		List<Subscription> feeds = new ArrayList<>();
		List<LeftOut> leftOut = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (Element outline : root.select("outline[xmlUrl]")) {
			String written = outline.attr("xmlUrl").strip();
			URI url = FeedScheme.typed(written);
			String type = outline.hasAttr("type") ? outline.attr("type") : "outline";
			if (url == null) {
				leftOut.add(new LeftOut(written, type, "not an http(s) address"));
			}
			else if (!seen.add(url.toString())) {
				leftOut.add(new LeftOut(url.toString(), type, "listed twice: taken once"));
			}
			else {
				feeds.add(new Subscription(url, title(outline), folder(outline)));
			}
		}
		return new Read(feeds, leftOut);
	}

	/** What the reader showed: its {@code text} (a name the user gave, OPML's required attribute), else its title. */
	private static @Nullable String title(Element outline) {
		String text = oneLine(outline.attr("text"));
		return (text != null) ? text : oneLine(outline.attr("title"));
	}

	/**
	 * The innermost outline around it that names no feed, else the last segment of the first of its OPML 2.0
	 * {@code category} strings ({@code "/Actualités/Maroc,/Sport"}: {@code Maroc}), as readers that keep feeds
	 * outside folders write them.
	 */
	private static @Nullable String folder(Element outline) {
		for (Element parent = outline.parent(); parent != null; parent = parent.parent()) {
			if (parent.normalName().equals("outline") && !parent.hasAttr("xmlUrl")) {
				return title(parent);
			}
		}
		String first = outline.attr("category").split(",", -1)[0];
		String[] segments = first.split("/");
		return (segments.length > 0) ? oneLine(segments[segments.length - 1]) : null;
	}

	private static @Nullable String oneLine(String text) {
		String line = text.replaceAll("\\s+", " ").strip();
		return line.isEmpty() ? null : line;
	}

}
