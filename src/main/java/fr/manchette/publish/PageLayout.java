package fr.manchette.publish;

/** The head and the banner that the ticker page and the sources page share. */
final class PageLayout {

	private PageLayout() {
	}

	/** Opens the document up to the end of the shared head; the caller adds its own head lines, then the banner. */
	static void head(StringBuilder html, String title, PageResources resources) {
		html.append("<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n");
		html.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
		html.append("<meta name=\"color-scheme\" content=\"light dark\">\n");
		html.append("<title>").append(Html.escape(title)).append("</title>\n");
		html.append("<link rel=\"stylesheet\" href=\"").append(Html.escape(resources.stylesheet())).append("\">\n");
		html.append("<link rel=\"icon\" type=\"image/svg+xml\" href=\"")
			.append(Html.escape(resources.icon()))
			.append("\">\n");
	}

	/** Closes the head and writes the banner, {@code current} being {@code fil} or {@code sources}. */
	static void banner(StringBuilder html, String current) {
		html.append("</head>\n<body>\n<header class=\"bandeau\">\n");
		html.append("<a class=\"marque\" href=\"/\">Manchette</a>\n<nav aria-label=\"Pages\">");
		html.append(navLink("/", "", "Fil info", current.equals("fil")));
		// Never framed itself: from a ticker page framed by a site, in the whole window.
		html.append(navLink("/sources", " target=\"_top\"", "Sources", current.equals("sources")));
		html.append("</nav>\n</header>\n");
	}

	private static String navLink(String href, String target, String label, boolean current) {
		return "<a href=\"" + href + "\"" + target + (current ? " aria-current=\"page\"" : "") + ">" + label + "</a>";
	}

}
