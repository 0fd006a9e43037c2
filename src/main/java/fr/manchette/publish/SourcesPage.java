package fr.manchette.publish;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import fr.manchette.config.CurrentFeeds;
import fr.manchette.store.PollOutcome;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The sources' health as a web page, in French, for the operator: when each was last polled and how it went, the
 * last error, when it is polled next, how many items it has, and where it moved.
 */
@Component
public class SourcesPage {

	/** What each outcome of {@code /api/sources} means, for someone who has not read the README. */
	static final Map<PollOutcome, String> OUTCOMES = Map.ofEntries(Map.entry(PollOutcome.OK, "OK"),
			Map.entry(PollOutcome.NOT_MODIFIED, "Inchangé"), Map.entry(PollOutcome.PENDING, "En attente"),
			Map.entry(PollOutcome.INTERRUPTED, "Interrompu"),
			Map.entry(PollOutcome.TIMEOUT, "Délai dépassé"), Map.entry(PollOutcome.NETWORK, "Erreur réseau"),
			Map.entry(PollOutcome.HTTP_STATUS, "Erreur HTTP"), Map.entry(PollOutcome.RATE_LIMITED, "Trop de requêtes"),
			Map.entry(PollOutcome.TOO_LARGE, "Trop volumineux"), Map.entry(PollOutcome.NOT_A_FEED, "Pas un flux"),
			Map.entry(PollOutcome.PARSE_ERROR, "Flux illisible"), Map.entry(PollOutcome.UNEXPECTED, "Erreur interne"),
			Map.entry(PollOutcome.GONE, "Disparu (410)"),
			Map.entry(PollOutcome.BLOCKED_ADDRESS, "Adresse interne refusée"),
			Map.entry(PollOutcome.TOO_MANY_REDIRECTS, "Trop de redirections"));

	/** Why a source is polled at its interval, in the page's words. */
	private static final Map<String, String> REASONS = Map.of("fixed", "fixe", "rate", "selon son rythme", "floor",
			"plancher", "ceiling", "plafond (source calme)", "ttl", "demandé par le flux", "backoff",
			"attente après échec", "pushed", "poussé (WebSub)", "start", "adaptatif, à mesurer", "disabled",
			"source désactivée", "gone", "flux disparu (410)");

	/** The class of a source's row, for the style sheet: a source gone is not polled any more, as a disabled one. */
	private static final Map<SourceState, String> ROW_CLASSES = Map.of(SourceState.OK, "ok", SourceState.PENDING, "ok",
			SourceState.FAILING, "echec", SourceState.GONE, "disparue", SourceState.DISABLED, "desactivee");

	private final CurrentFeeds feeds;

	private final Clock clock;

	SourcesPage(CurrentFeeds feeds, Clock clock) {
		this.feeds = feeds;
		this.clock = clock;
	}

	public String render(List<SourceHealth> sources, PageResources resources) {
		Today today = Today.in(this.feeds.get().timezone(), this.clock);
		StringBuilder html = new StringBuilder(8_192);
		PageLayout.head(html, "Sources — Manchette", resources);
		PageLayout.banner(html, "sources");
		html.append("<main>\n<h1>Sources</h1>\n");
		Map<SourceState, Long> states = sources.stream()
			.collect(Collectors.groupingBy(SourcesPage::state, () -> new EnumMap<>(SourceState.class),
					Collectors.counting()));
		int failing = states.getOrDefault(SourceState.FAILING, 0L).intValue();
		int gone = states.getOrDefault(SourceState.GONE, 0L).intValue();
		int disabled = states.getOrDefault(SourceState.DISABLED, 0L).intValue();
		html.append("<p class=\"etat\">").append(sources.size()).append(plural(sources.size(), " source", " sources"));
		html.append(" · ").append(failing).append(" en échec");
		if (gone > 0) {
			html.append(" · ").append(gone).append(plural(gone, " disparue", " disparues"));
		}
		if (disabled > 0) {
			html.append(" · ").append(disabled).append(plural(disabled, " désactivée", " désactivées"));
		}
		html.append(" · heures de ").append(Html.escape(today.zone().getId())).append("</p>\n");
		html.append("<table class=\"sources\">\n<thead><tr><th scope=\"col\">Source</th><th scope=\"col\">Catégorie</th>"
				+ "<th scope=\"col\">Dernier relevé</th><th scope=\"col\">Résultat</th>"
				+ "<th scope=\"col\">Prochain relevé</th><th scope=\"col\">Intervalle</th>"
				+ "<th scope=\"col\">Délai de publication</th><th scope=\"col\">Articles</th></tr></thead>\n<tbody>\n");
		sources.forEach((source) -> row(html, source, today));
		html.append("</tbody>\n</table>\n");
		html.append("<p class=\"aide\">En JSON : <a href=\"/api/sources\">/api/sources</a> · "
				+ "à importer dans un lecteur : <a href=\"/opml\">OPML</a></p>\n</main>\n</body>\n</html>\n");
		return html.toString();
	}

	private static void row(StringBuilder html, SourceHealth source, Today today) {
		html.append("<tr id=\"source-").append(Html.escape(source.id())).append("\" class=\"")
			.append(ROW_CLASSES.get(state(source)))
			.append("\">");
		// An Arabic name reads right to left, isolated from the id after it.
		html.append("<td data-label=\"Source\"><strong dir=\"auto\">").append(Html.escape(source.name())).append("</strong> ");
		html.append("<code>").append(Html.escape(source.id())).append("</code>");
		if (!source.enabled()) {
			html.append(" <span class=\"badge\">désactivée</span>");
		}
		html.append("<br>").append(link(source.url()));
		if (source.movedTo() != null) {
			html.append("<br><span class=\"deplace\">Déplacé vers ").append(link(source.movedTo()))
				.append(" : à reporter dans feeds.yml</span>");
		}
		html.append("</td>");
		html.append("<td data-label=\"Catégorie\">").append(Html.escape(source.category())).append("</td>");
		html.append("<td data-label=\"Dernier relevé\">").append(time(source.lastPoll(), today));
		if (source.lastSuccess() != null && !source.lastSuccess().equals(source.lastPoll())) {
			html.append("<br><small>dernier succès ").append(time(source.lastSuccess(), today)).append("</small>");
		}
		html.append("</td>");
		html.append("<td data-label=\"Résultat\"><span class=\"resultat\" title=\"")
			.append(Html.escape(source.outcome().name()))
			.append("\">")
			.append(Html.escape(OUTCOMES.getOrDefault(source.outcome(), source.outcome().name())))
			.append("</span>");
		if (source.failuresInRow() > 1) {
			html.append(" <small>(").append(source.failuresInRow()).append(" échecs de suite)</small>");
		}
		if (source.lastError() != null) {
			html.append("<br><span class=\"erreur\">").append(Html.escape(FrenchDetails.of(source.lastError())))
				.append("</span>");
		}
		html.append("</td>");
		html.append("<td data-label=\"Prochain relevé\">").append(time(source.nextPoll(), today)).append("</td>");
		freshness(html, source.freshness());
		html.append("<td data-label=\"Articles\" class=\"nombre\">").append(source.itemCount()).append("</td>");
		html.append("</tr>\n");
	}

	/** The interval in force and why; the median and 90th percentile of the publish-to-feed delay. */
	private static void freshness(StringBuilder html, @Nullable SourceFreshness freshness) {
		html.append("<td data-label=\"Intervalle\">");
		if (freshness != null) {
			// No interval in force for a source not polled: the reason says why.
			html.append((freshness.intervalSeconds() != null) ? duration(freshness.intervalSeconds()) : "—")
				.append("<br><small>")
				.append(Html.escape(REASONS.getOrDefault(freshness.intervalReason(), freshness.intervalReason())))
				.append("</small>");
		}
		html.append("</td><td data-label=\"Délai de publication\">");
		if (freshness != null && freshness.delayMedianSeconds() != null && freshness.delayP90Seconds() != null) {
			html.append("médiane ").append(duration(freshness.delayMedianSeconds()))
				.append("<br><small>9 sur 10 en moins de ").append(duration(freshness.delayP90Seconds()))
				.append(" (").append(freshness.delaysMeasured())
				.append((freshness.delaysMeasured() > 1) ? " mesurés)</small>" : " mesuré)</small>");
		}
		else {
			html.append("—");
		}
		html.append("</td>");
	}

	/** 45 s, 12 min, 2 h, 1 h 30, 3 j. */
	static String duration(long seconds) {
		if (seconds < 60) {
			return seconds + "\u00A0s";
		}
		long minutes = seconds / 60;
		if (minutes < 60) {
			return minutes + "\u00A0min";
		}
		long hours = minutes / 60;
		if (hours >= 48) {
			return (hours / 24) + "\u00A0j";
		}
		long rest = minutes % 60;
		return hours + "\u00A0h" + ((rest > 0) ? "\u00A0" + ((rest < 10) ? "0" : "") + rest : "");
	}

	private static SourceState state(SourceHealth source) {
		return SourceState.of(source.enabled(), source.outcome());
	}

	private static String link(String url) {
		String href = Html.safeHref(url);
		String text = Html.escape(url);
		return (href != null) ? "<a class=\"url\" href=\"" + Html.escape(href) + "\">" + text + "</a>"
				: "<span class=\"url\">" + text + "</span>";
	}

	private static String time(@Nullable Instant instant, Today today) {
		if (instant == null) {
			return "—";
		}
		ZonedDateTime at = today.at(instant);
		return "<time datetime=\"" + Today.published(at) + "\">" + today.shown(at) + "</time>";
	}

	private static String plural(int count, String one, String many) {
		return (count > 1) ? many : one;
	}

}
