package fr.manchette.web;

import java.util.List;
import java.util.Set;

import fr.manchette.config.CurrentFeeds;
import fr.manchette.notify.WebhookHealth;
import fr.manchette.notify.WebhookStatusBoard;
import fr.manchette.publish.SourceHealth;
import fr.manchette.publish.SourceHealthBoard;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** The operator's JSON: {@code /api/sources}, every source with its health, and {@code /api/webhooks}, every webhook. */
@RestController
class StatusController {

	private final SourceHealthBoard sources;

	private final CurrentFeeds feeds;

	private final SourcesJson sourcesJson;

	/** The lists of some sources: apart, so that they do not replace the whole list's objects kept for the next ask. */
	private final SourcesJson someSourcesJson;

	private final WebhookStatusBoard webhooks;

	StatusController(SourceHealthBoard sources, CurrentFeeds feeds, WebhookStatusBoard webhooks, JsonMapper json) {
		this.sources = sources;
		this.feeds = feeds;
		this.sourcesJson = new SourcesJson(json);
		this.someSourcesJson = new SourcesJson(json);
		this.webhooks = webhooks;
	}

	/**
	 * {@code {"sources":[...]}}, each source as Jackson writes a {@link SourceHealth}: every source, or those that
	 * {@code source} and {@code category} name, as on the lists of stories (the other filters of those lists, checked
	 * alike, select stories, and leave every source here).
	 */
	@GetMapping("/api/sources")
	ResponseEntity<byte[]> sources(@RequestParam MultiValueMap<String, String> params) {
		List<SourceHealth> all = this.sources.sources();
		Set<String> asked = params.isEmpty() ? null : ListParameters.parse(params, this.feeds.get(), Set.of()).sources();
		// The order too, which ranks stories and leaves every source here: a wrong one is as wrong here.
		ListParameters.une(params);
		if (asked == null) {
			return JsonAnswer.of(this.sourcesJson.write(all));
		}
		return JsonAnswer.of(
				this.someSourcesJson.write(all.stream().filter((source) -> asked.contains(source.id())).toList()));
	}

	/** With how each webhook's deliveries went. */
	@GetMapping("/api/webhooks")
	ResponseEntity<WebhooksResponse> webhooks() {
		return JsonAnswer.of(new WebhooksResponse(this.webhooks.webhooks()));
	}

	record WebhooksResponse(List<WebhookHealth> webhooks) {
	}

}
