package fr.manchette.parse;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Entities;

/**
 * Fixes, in the text, what CMSs get wrong most often in XML: HTML named entities ({@code &eacute;} {@code &nbsp;}
 * {@code &rsquo;}) that XML does not define, and a bare {@code &} or {@code <} typed in a title. Cheap enough to try
 * before a lenient parser, and it keeps the strict parser's reading of everything else. Control characters XML forbids
 * are gone already ({@link SafeXml#prepare(String)}).
 */
final class XmlRepair {

	private static final Set<String> XML_ENTITIES = Set.of("amp", "lt", "gt", "quot", "apos");

	private static final Pattern REFERENCE = Pattern
		.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});");

	/** Sections whose text is copied untouched: their content is not markup. */
	private static final String[][] VERBATIM = { { "<![CDATA[", "]]>" }, { "<!--", "-->" }, { "<?", "?>" } };

	private XmlRepair() {
	}

	/**
	 * Replaces HTML named references with their characters, leaving XML's five and numeric ones as they are (so that
	 * {@code &amp;eacute;} stays text), and escapes a {@code &} or {@code <} that starts nothing. CDATA sections,
	 * comments and processing instructions are copied untouched.
	 */
	static String repair(String text) {
		StringBuilder out = new StringBuilder(text.length() + 64);
		Matcher reference = REFERENCE.matcher(text);
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (c == '<') {
				int end = verbatimEnd(text, i);
				if (end > i) {
					out.append(text, i, end);
					i = end;
					continue;
				}
				out.append(startsMarkup(text, i + 1) ? "<" : "&lt;");
			}
			else if (c == '&') {
				reference.region(i, Math.min(text.length(), i + 40));
				if (!reference.lookingAt()) {
					out.append("&amp;");
				}
				else {
					out.append(resolved(reference.group(), reference.group(1)));
					i = reference.end();
					continue;
				}
			}
			else {
				out.append(c);
			}
			i++;
		}
		return out.toString();
	}

	/** A name neither XML nor HTML defines is left as it is: for the parser to report, for jsoup to keep as text. */
	private static String resolved(String reference, String name) {
		if (name.startsWith("#") || XML_ENTITIES.contains(name) || !Entities.isNamedEntity(name)) {
			return reference;
		}
		// &LT; &AMP; &QUOT; (and &nvlt;, "<" with a combining mark) are HTML too: what they stand for must not become
		// markup, nor end an attribute value.
		return Entities.getByName(name)
			.replace("&", "&amp;")
			.replace("<", "&lt;")
			.replace(">", "&gt;")
			.replace("\"", "&quot;");
	}

	private static int verbatimEnd(String text, int start) {
		for (String[] section : VERBATIM) {
			if (text.startsWith(section[0], start)) {
				int end = text.indexOf(section[1], start + section[0].length());
				return (end < 0) ? text.length() : end + section[1].length();
			}
		}
		return -1;
	}

	private static boolean startsMarkup(String text, int next) {
		if (next >= text.length()) {
			return false;
		}
		char c = text.charAt(next);
		return c == '/' || c == '!' || c == '_' || c == ':' || Character.isLetter(c);
	}

}
