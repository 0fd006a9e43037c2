package fr.manchette.parse;

import org.jsoup.nodes.Entities;
import org.jspecify.annotations.Nullable;

/**
 * How an item's picture reaches readers: Manchette keeps no separate picture, it leads the summary as feeds put it,
 * and the merged feeds carry the summary. Written here alone, for a ticker's items ({@link TickerEntry}) and for a
 * feed's that give theirs apart from the summary ({@link ItemPicture}).
 */
final class LeadPicture {

	private LeadPicture() {
	}

	/** The summary led by the picture; the picture alone when there is no summary. */
	static String before(String picture, @Nullable String summaryHtml) {
		String lead = "<p><img src=\"" + Entities.escape(picture) + "\" alt=\"\"></p>";
		return (summaryHtml == null || summaryHtml.isBlank()) ? lead : lead + summaryHtml;
	}

	/**
	 * A feed item's summary, led by the picture it gives apart when the summary shows none: one that has an image
	 * already most often shows that same picture.
	 */
	static @Nullable String unlessShown(@Nullable String picture, @Nullable String summaryHtml) {
		if (picture == null || (summaryHtml != null && showsImage(summaryHtml))) {
			return summaryHtml;
		}
		return before(picture, summaryHtml);
	}

	/** Whether the HTML has an {@code <img} tag, in any case: a plain search, not a parse, on the ingest's path. */
	private static boolean showsImage(String html) {
		for (int at = html.indexOf('<'); at >= 0; at = html.indexOf('<', at + 1)) {
			if (html.regionMatches(true, at + 1, "img", 0, 3)) {
				return true;
			}
		}
		return false;
	}

}
