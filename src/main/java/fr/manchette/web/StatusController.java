package fr.manchette.web;

import java.util.List;

import fr.manchette.notify.WebhookHealth;
import fr.manchette.notify.WebhookStatusBoard;
import fr.manchette.publish.SourceHealth;
import fr.manchette.publish.SourceHealthBoard;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The operator's JSON: {@code /api/sources}, every source with its health, and {@code /api/webhooks}, every webhook. */
@RestController
class StatusController {

	private final SourceHealthBoard sources;

	private final WebhookStatusBoard webhooks;

	StatusController(SourceHealthBoard sources, WebhookStatusBoard webhooks) {
		this.sources = sources;
		this.webhooks = webhooks;
	}

	@GetMapping(path = "/api/sources", produces = MediaType.APPLICATION_JSON_VALUE)
	SourcesResponse sources() {
		return new SourcesResponse(this.sources.sources());
	}

	/** With how each webhook's deliveries went. */
	@GetMapping(path = "/api/webhooks", produces = MediaType.APPLICATION_JSON_VALUE)
	WebhooksResponse webhooks() {
		return new WebhooksResponse(this.webhooks.webhooks());
	}

	record SourcesResponse(List<SourceHealth> sources) {
	}

	record WebhooksResponse(List<WebhookHealth> webhooks) {
	}

}
