package fr.manchette.normalize;

import java.util.regex.Pattern;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * The line WordPress's SEO plugins add under every post of a feed, « L’article … est apparu en premier sur … » or
 * « The post … appeared first on … »: it names the post and the site, which the reader shows already, and is written
 * by a plugin, not by the newsroom. Only a paragraph that is that sentence and nothing else, with its links, goes.
 */
final class PublisherFooter {

	private static final Pattern FOOTER = Pattern.compile("(?:The post .+ (?:appeared first|first appeared) on"
			+ "|(?:L[’']article|Cet article) .+ est apparu en premier sur) .+");

	/** A footer is one sentence; a longer paragraph is the newsroom's own text. */
	private static final int LONGEST = 600;

	private static final Evaluator LINK = QueryParser.parse("a");

	private PublisherFooter() {
	}

	/**
	 * True when a paragraph whose text starts so may be a footer: {@link SimpleSummary} leaves such a summary to
	 * jsoup, and {@link #drop} reads such a paragraph whole.
	 */
	static boolean startsLikeOne(String text) {
		String start = text.stripLeading();
		return start.startsWith("The post ") || start.startsWith("L’article ") || start.startsWith("L'article ")
				|| start.startsWith("Cet article ");
	}

	/**
	 * Removes the footer paragraphs of the summary: those at its top level, where the plugins write them, and only
	 * their start is read unless it is a footer's: this runs on every summary.
	 */
	static void drop(Element body) {
		// By index, from the end: children() would copy the list of every summary for the few that hold a footer.
		for (int i = body.childNodeSize() - 1; i >= 0; i--) {
			if (body.childNode(i) instanceof Element paragraph && paragraph.normalName().equals("p")
					&& paragraph.childNodeSize() > 0 && paragraph.childNode(0) instanceof TextNode start && startsLikeOne(start.getWholeText())
					&& paragraph.selectFirst(LINK) != null) {
				String text = paragraph.text();
				if (text.length() <= LONGEST && FOOTER.matcher(text).matches()) {
					paragraph.remove();
				}
			}
		}
	}

}
