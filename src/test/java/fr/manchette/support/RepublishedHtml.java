package fr.manchette.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.XmlDeclaration;
import org.jsoup.select.NodeTraversor;

/**
 * What a browser or a feed reader would make of HTML we republish, checked on the tree it builds, not on our string:
 * the HTML is parsed again as a body fragment by jsoup, whose parser follows the HTML5 tree construction that browsers
 * follow, and each element and attribute of that tree is looked at.
 */
public final class RepublishedHtml {

	/** Elements that run, load, embed, submit, restyle the page or change how the rest of it is read. */
	private static final Set<String> FORBIDDEN_ELEMENTS = Set.of("script", "style", "iframe", "frame", "frameset",
			"object", "embed", "applet", "param", "form", "input", "button", "select", "option", "textarea", "keygen",
			"isindex", "base", "meta", "link", "svg", "math", "template", "noscript", "noembed", "noframes", "xmp",
			"plaintext", "title", "video", "audio", "source", "track", "canvas", "portal", "dialog", "marquee");

	/** Attributes whose value a browser fetches or follows. */
	private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "cite", "action", "formaction",
			"background", "poster", "lowsrc", "dynsrc", "longdesc", "usemap", "codebase", "data", "classid", "archive",
			"profile", "manifest", "icon", "ping", "srcset", "xlink:href", "itemtype");

	private static final Set<String> URL_SCHEMES = Set.of("http", "https", "mailto");

	private RepublishedHtml() {
	}

	/** What is unsafe in HTML that we republish, one line each; empty when a browser would find nothing unsafe. */
	public static List<String> problems(String html) {
		List<String> problems = new ArrayList<>();
		Document once = parse(html);
		NodeTraversor.traverse((node, depth) -> {
			if (node instanceof Element element && element != once.body()) {
				String name = element.normalName();
				if (FORBIDDEN_ELEMENTS.contains(name)) {
					problems.add("element <" + name + ">");
				}
				for (Attribute attribute : element.attributes()) {
					String problem = attributeProblem(name, attribute);
					if (problem != null) {
						problems.add(problem);
					}
				}
			}
			else if (node instanceof Comment || node instanceof DataNode || node instanceof DocumentType
					|| node instanceof XmlDeclaration) {
				// A comment is where old browsers read conditional markup (<!--[if IE]>); a data node is a script's.
				problems.add(node.nodeName() + " " + node.outerHtml());
			}
		}, once.body());
		// Written out and parsed once more, the tree must stay as it is: markup that changes on each parse is how
		// sanitized HTML turns into a script in the reader's (mutation XSS).
		String written = once.body().html();
		String twice = parse(written).body().html();
		if (!twice.equals(written)) {
			problems.add("changes when parsed again: " + written + " -> " + twice);
		}
		return problems;
	}

	/** Markup in what is meant as plain text (a title, a text summary): the elements or comments it would make. */
	public static List<String> markupIn(String text) {
		List<String> markup = new ArrayList<>();
		Document parsed = parse(text);
		NodeTraversor.traverse((node, depth) -> {
			if (node != parsed.body() && (node instanceof Element || node instanceof Comment)) {
				markup.add(node.outerHtml());
			}
		}, parsed.body());
		return markup;
	}

	private static String attributeProblem(String element, Attribute attribute) {
		String name = attribute.getKey().toLowerCase(Locale.ROOT);
		if (name.startsWith("on")) {
			return "event handler " + element + "[" + name + "]";
		}
		if (name.equals("style")) {
			return "style " + element + "[style=" + attribute.getValue() + "]";
		}
		String value = attribute.getValue();
		if (name.equals("srcset")) {
			for (String url : srcsetUrls(value)) {
				String problem = urlProblem(element, name, url);
				if (problem != null) {
					return problem;
				}
			}
			return null;
		}
		if (URL_ATTRIBUTES.contains(name)) {
			return urlProblem(element, name, value);
		}
		// Any other attribute is no address for a browser, but a script's scheme in it is a sign; a tooltip or an
		// image's description is text that may say anything.
		String scheme = scheme(value);
		if (scheme != null && Set.of("javascript", "vbscript", "data").contains(scheme) && !name.equals("title")
				&& !name.equals("alt")) {
			return "script address " + element + "[" + name + "=" + value + "]";
		}
		return null;
	}

	/**
	 * The addresses of a srcset as a browser splits it (HTML, "parse a srcset attribute"): an address runs to the next
	 * white space and may hold commas (a data: address does); its descriptors run to the next comma.
	 */
	private static List<String> srcsetUrls(String srcset) {
		List<String> urls = new ArrayList<>();
		int i = 0;
		while (i < srcset.length()) {
			while (i < srcset.length() && (Character.isWhitespace(srcset.charAt(i)) || srcset.charAt(i) == ',')) {
				i++;
			}
			int start = i;
			while (i < srcset.length() && !Character.isWhitespace(srcset.charAt(i))) {
				i++;
			}
			if (i > start) {
				urls.add(srcset.substring(start, i).replaceAll(",+$", ""));
			}
			while (i < srcset.length() && srcset.charAt(i) != ',') {
				i++;
			}
		}
		return urls;
	}

	private static String urlProblem(String element, String name, String value) {
		String scheme = scheme(value);
		if (scheme == null || !URL_SCHEMES.contains(scheme)) {
			return "address " + element + "[" + name + "=" + value + "]" + ((scheme == null) ? " not absolute" : "");
		}
		return null;
	}

	/**
	 * The scheme as a browser reads it (WHATWG URL): leading and trailing C0 controls and spaces stripped, tabs and
	 * line breaks removed anywhere; null when there is none (a relative reference).
	 */
	private static String scheme(String value) {
		StringBuilder url = new StringBuilder();
		for (char c : value.toCharArray()) {
			if (c != '\t' && c != '\n' && c != '\r') {
				url.append(c);
			}
		}
		String stripped = url.toString().replaceAll("^[\\x00-\\x20]+|[\\x00-\\x20]+$", "");
		int colon = stripped.indexOf(':');
		if (colon <= 0 || !stripped.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*")) {
			return null;
		}
		return stripped.substring(0, colon).toLowerCase(Locale.ROOT);
	}

	private static Document parse(String html) {
		Document document = Jsoup.parseBodyFragment(html);
		document.outputSettings().prettyPrint(false);
		return document;
	}

}
