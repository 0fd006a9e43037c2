package fr.manchette.web;

import java.util.List;

import fr.manchette.notify.WebhookHealth;
import fr.manchette.notify.WebhookStatusBoard;
import fr.manchette.publish.SourceHealth;
import fr.manchette.publish.SourceHealthBoard;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** The operator's JSON: {@code /api/sources}, every source with its health, and {@code /api/webhooks}, every webhook. */
@RestController
class StatusController {

	private final SourceHealthBoard sources;

	private final SourcesJson sourcesJson;

	private final WebhookStatusBoard webhooks;

	StatusController(SourceHealthBoard sources, WebhookStatusBoard webhooks, JsonMapper json) {
		this.sources = sources;
		this.sourcesJson = new SourcesJson(json);
		this.webhooks = webhooks;
	}

	/** {@code {"sources":[...]}}, each source as Jackson writes a {@link SourceHealth}. */
	@GetMapping(path = "/api/sources", produces = MediaType.APPLICATION_JSON_VALUE)
	byte[] sources() {
		return this.sourcesJson.write(this.sources.sources());
	}

	/** With how each webhook's deliveries went. */
	@GetMapping(path = "/api/webhooks", produces = MediaType.APPLICATION_JSON_VALUE)
	WebhooksResponse webhooks() {
		return new WebhooksResponse(this.webhooks.webhooks());
	}

	record WebhooksResponse(List<WebhookHealth> webhooks) {
	}

}
