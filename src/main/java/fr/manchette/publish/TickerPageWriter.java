package fr.manchette.publish;

import java.util.ArrayList;
import java.util.List;

import fr.manchette.config.CurrentFeeds;
import fr.manchette.config.FeedsFile;
import fr.manchette.config.Source;
import org.springframework.stereotype.Component;

/**
 * The ticker as a web page, in French: a news site's "fil info", newest first, with its filters, its feeds announced
 * to browsers and readers ({@code <link rel="alternate">}), and a small script that brings new stories in without a
 * reload. Written by hand, every value escaped by {@link Html}: two small pages did not warrant a template engine.
 */
@Component
public class TickerPageWriter {

	private final CurrentFeeds feeds;

	TickerPageWriter(CurrentFeeds feeds) {
		this.feeds = feeds;
	}

	/**
	 * @param site the absolute address of the page without its query, for the feed links readers keep
	 */
	public String render(Headlines headlines, PageFilters filters, String site, PageResources resources) {
		FeedsFile config = this.feeds.get();
		StringBuilder html = new StringBuilder(16_384);
		String page = filters.une() ? "À la une" : "Fil info";
		String scope = filters.scope(config);
		String title = (scope != null) ? scope + " — " + page + " — Manchette" : page + " — Manchette";
		PageLayout.head(html, title, resources);
		alternate(html, "application/atom+xml", "Manchette (Atom)", filters.on(site + "feed.atom"));
		alternate(html, "application/rss+xml", "Manchette (RSS)", filters.on(site + "feed.rss"));
		alternate(html, "application/feed+json", "Manchette (JSON Feed)", filters.on(site + "feed.json"));
		html.append("<script src=\"").append(Html.escape(resources.script())).append("\" defer></script>\n");
		PageLayout.banner(html, "fil");
		html.append("<main>\n");
		// A narrow page (a site's sidebar, a phone) folds the filters and the tabs behind « Filtrer », so that its
		// headlines come first; open when a filter narrows the list, to show what does. A wide page shows them as
		// they are: its stylesheet hides the summary.
		html.append("<details class=\"filtrer\"").append(filters.any() ? " open" : "").append(">\n<summary>Filtrer")
			.append(filters.une() ? " · À la une" : "")
			.append("</summary>\n");
		form(html, config, filters);
		tabs(html, filters);
		html.append("</details>\n");
		html.append("<p id=\"etat\" class=\"etat\" aria-live=\"polite\">Heures de ")
			.append(Html.escape(headlines.timezone()))
			.append(" · nouvelles dépêches affichées d’elles-mêmes</p>\n");
		html.append("<ol id=\"fil\" class=\"fil\" data-api=\"")
			.append(Html.escape(filters.on("/api/headlines")))
			.append("\" data-timezone=\"")
			.append(Html.escape(headlines.timezone()))
			.append("\" data-refresh=\"")
			.append(resources.refresh().toMillis())
			.append("\" data-background-refresh=\"")
			.append(resources.backgroundRefresh().toMillis())
			.append(filters.une() ? "\" data-une=\"\">\n" : "\">\n");
		headlines.headlines().forEach((headline) -> line(html, headline, config, filters.une()));
		html.append("</ol>\n");
		html.append("<p id=\"vide\" class=\"vide\"")
			.append(headlines.headlines().isEmpty() ? "" : " hidden")
			.append(">")
			.append(filters.any() ? "Aucune dépêche ne correspond à ces filtres." : "Aucune dépêche pour l’instant.")
			.append("</p>\n</main>\n");
		footer(html, filters);
		html.append("</body>\n</html>\n");
		return html.toString();
	}

	private static void alternate(StringBuilder html, String type, String title, String href) {
		html.append("<link rel=\"alternate\" type=\"")
			.append(type)
			.append("\" title=\"")
			.append(Html.escape(title))
			.append("\" href=\"")
			.append(Html.escape(href))
			.append("\">\n");
	}

	private static void form(StringBuilder html, FeedsFile config, PageFilters filters) {
		html.append("<form id=\"filtres\" class=\"filtres\" method=\"get\" action=\"/\" role=\"search\">\n");
		html.append("<label>Source <select name=\"source\"")
			.append((filters.sources().size() > 1) ? " multiple" : "")
			.append(">\n<option value=\"\">Toutes</option>\n");
		for (Source source : config.feeds()) {
			option(html, source.id(), source.name(), filters.sources().contains(source.id()));
		}
		html.append("</select></label>\n");
		html.append("<label>Catégorie <select name=\"category\">\n<option value=\"\">Toutes</option>\n");
		for (String category : categories(config, filters)) {
			option(html, category, category, category.equalsIgnoreCase(String.valueOf(filters.category())));
		}
		html.append("</select></label>\n");
		html.append("<label class=\"recherche\">Rechercher <input type=\"search\" name=\"q\" maxlength=\"200\" value=\"")
			.append(Html.escape(filters.q()))
			.append("\" placeholder=\"mots du titre ou du résumé\"></label>\n");
		if (filters.une()) {
			// Filtering keeps the tab.
			hidden(html, "order", "une");
		}
		// And the filters the form does not show, asked for in the address.
		filters.languages().forEach((language) -> hidden(html, "lang", language));
		if (filters.since() != null) {
			hidden(html, "since", filters.since());
		}
		if (filters.limit() != null) {
			hidden(html, "limit", filters.limit());
		}
		html.append("<button type=\"submit\">Filtrer</button>\n");
		if (filters.any()) {
			html.append("<a class=\"effacer\" href=\"").append(filters.une() ? "/?order=une" : "/").append("\">Tout afficher</a>\n");
		}
		html.append("</form>\n");
	}

	private static void hidden(StringBuilder html, String name, String value) {
		html.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"").append(Html.escape(value))
			.append("\">\n");
	}

	/** The two orders of the same filters: newest first (the default) and à la une. */
	private static void tabs(StringBuilder html, PageFilters filters) {
		html.append("<nav class=\"onglets\" aria-label=\"Ordre\">");
		tab(html, filters.ranked(false).on("/"), "Dernières dépêches", !filters.une());
		tab(html, filters.ranked(true).on("/"), "À la une", filters.une());
		html.append("</nav>\n");
	}

	private static void tab(StringBuilder html, String href, String label, boolean current) {
		element(html, "a", "href", href, current ? " aria-current=\"page\"" : "", label);
	}

	private static void option(StringBuilder html, String value, String label, boolean selected) {
		element(html, "option", "value", value, selected ? " selected" : "", label);
		html.append('\n');
	}

	/** {@code <tag attribute="value"flag>text</tag>}, the value and the text escaped, the flag written as it is. */
	private static void element(StringBuilder html, String tag, String attribute, String value, String flag,
			String text) {
		html.append('<').append(tag).append(' ').append(attribute).append("=\"").append(Html.escape(value)).append('"');
		html.append(flag).append('>').append(Html.escape(text)).append("</").append(tag).append('>');
	}

	/**
	 * The categories of feeds.yml in file order, each once whatever its case (as {@code category} filters: the first
	 * spelling), and the one asked for even when no source has it any more.
	 */
	private static List<String> categories(FeedsFile config, PageFilters filters) {
		List<String> categories = new ArrayList<>();
		List<String> named = new ArrayList<>();
		config.feeds().forEach((source) -> named.add(source.category()));
		named.add(filters.category());
		for (String category : named) {
			if (category != null && !category.isBlank() && categories.stream().noneMatch(category::equalsIgnoreCase)) {
				categories.add(category);
			}
		}
		return categories;
	}

	/** One story; the script writes the same markup for the stories it brings in (ticker.js, {@code line}). */
	private static void line(StringBuilder html, Headline headline, FeedsFile config, boolean une) {
		html.append("<li data-key=\"").append(Html.escape(key(headline))).append("\">");
		html.append("<time datetime=\"").append(Html.escape(headline.published())).append("\">");
		// "16/05 19:35" stacks the day above the time, so that the column keeps its width.
		int space = headline.time().indexOf(' ');
		if (space > 0) {
			html.append("<span class=\"jour\">")
				.append(Html.escape(headline.time().substring(0, space)))
				.append("</span> ")
				.append(Html.escape(headline.time().substring(space + 1)));
		}
		else {
			html.append(Html.escape(headline.time()));
		}
		html.append("</time><div class=\"depeche\">");
		String href = Html.safeHref(headline.link());
		// Every title is isolated and reads in the direction of its first letter: an Arabic one right to left inside
		// the French page, its language known or not (a short headline's is not), without moving what is around it.
		String lang = ((headline.lang() != null) ? " lang=\"" + Html.escape(headline.lang()) + "\"" : "") + " dir=\"auto\"";
		if (href != null) {
			// In the whole window when the page is framed by a site (manchette.page.frame-ancestors), not in the frame.
			html.append("<a class=\"titre\" href=\"").append(Html.escape(href)).append("\" target=\"_top\"")
				.append(lang)
				.append('>');
		}
		else {
			html.append("<span class=\"titre\"").append(lang).append('>');
		}
		html.append(Html.escape(headline.title())).append((href != null) ? "</a>" : "</span>");
		html.append("<span class=\"meta\">");
		if (une && headline.sources() > 1) {
			html.append("<span class=\"nombre\">").append(headline.sources()).append(" sources</span> ");
		}
		// A source's name may be Arabic too: isolated as the title is, and each name of « Aussi dans ».
		html.append("<span class=\"source\" dir=\"auto\">").append(Html.escape(headline.sourceName()));
		html.append("</span>");
		if (headline.category() != null) {
			html.append(" <span class=\"categorie\">").append(Html.escape(headline.category())).append("</span>");
		}
		if (!headline.alsoIn().isEmpty()) {
			List<String> names = headline.alsoIn()
				.stream()
				.map((id) -> ItemLabels.sourceName(config, id))
				.toList();
			html.append(" <span class=\"aussi\">Aussi dans : ")
				.append(String.join(", ", names.stream().map((name) -> "<bdi>" + Html.escape(name) + "</bdi>").toList()))
				.append("</span>");
		}
		html.append("</span></div></li>\n");
	}

	/** What tells two lines apart, for the script to know which stories are new. */
	static String key(Headline headline) {
		return headline.source() + "|" + headline.published() + "|" + headline.title();
	}

	/** Documents, not pages: in the whole window when the page is framed. */
	private static void footer(StringBuilder html, PageFilters filters) {
		html.append("<footer>\n<p>S’abonner à ce fil dans un lecteur de flux : ");
		document(html, filters.on("/feed.atom"), "Atom");
		html.append(" · ");
		document(html, filters.on("/feed.rss"), "RSS");
		html.append(" · ");
		document(html, filters.on("/feed.json"), "JSON Feed");
		html.append(" · ");
		document(html, "/opml", "OPML des sources");
		html.append("</p>\n<p>Aussi en texte : ");
		document(html, filters.on("/headlines.txt"), "headlines.txt");
		html.append(" · en JSON : ");
		document(html, filters.on("/api/headlines"), "/api/headlines");
		html.append("</p>\n</footer>\n");
	}

	private static void document(StringBuilder html, String href, String label) {
		element(html, "a", "href", href, " target=\"_top\"", label);
	}

}
