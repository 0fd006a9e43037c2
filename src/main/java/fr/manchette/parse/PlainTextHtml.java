package fr.manchette.parse;

import java.util.regex.Pattern;

import org.jsoup.nodes.Entities;

/**
 * Plain text (an Atom text construct, a JSON Feed {@code summary} or {@code content_text}) as the HTML that shows it:
 * escaped, so that « a < b » is not read as a tag, and each line break a {@code <br>}, which HTML would otherwise
 * fold into a space, running the publisher's lines and paragraphs into one.
 */
final class PlainTextHtml {

	private static final Pattern LINE_BREAK = Pattern.compile("\r\n?|\n");

	private PlainTextHtml() {
	}

	static String of(String text) {
		if (text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
			return Entities.escape(text);
		}
		// The breaks around the text would be blank lines above and below it.
		return LINE_BREAK.matcher(Entities.escape(text.strip())).replaceAll("<br>");
	}

}
