package fr.manchette.web;

import java.util.List;

import fr.manchette.notify.WebhookHealth;
import fr.manchette.notify.WebhookStatusBoard;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/webhooks}: every webhook with how its deliveries went. */
@RestController
class WebhookStatusController {

	private final WebhookStatusBoard board;

	WebhookStatusController(WebhookStatusBoard board) {
		this.board = board;
	}

	@GetMapping(path = "/api/webhooks", produces = MediaType.APPLICATION_JSON_VALUE)
	WebhooksResponse webhooks() {
		return new WebhooksResponse(this.board.webhooks());
	}

	record WebhooksResponse(List<WebhookHealth> webhooks) {
	}

}
