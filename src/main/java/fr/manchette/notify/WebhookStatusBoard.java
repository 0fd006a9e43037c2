package fr.manchette.notify;

import java.util.ArrayList;
import java.util.List;

import fr.manchette.config.WebhookSettings;
import fr.manchette.config.WebhookSettings.Webhook;
import fr.manchette.store.WebhookOutbox;
import fr.manchette.store.WebhookRecord;
import org.springframework.stereotype.Component;

/** Every configured webhook with how its deliveries went, as every instance sharing the store made them. */
@Component
public class WebhookStatusBoard {

	private final WebhookSettings settings;

	private final WebhookOutbox outbox;

	WebhookStatusBoard(WebhookSettings settings, WebhookOutbox outbox) {
		this.settings = settings;
		this.outbox = outbox;
	}

	public List<WebhookHealth> webhooks() {
		List<WebhookRecord> records = this.outbox.records(this.settings.ids());
		List<WebhookHealth> health = new ArrayList<>();
		for (int i = 0; i < records.size(); i++) {
			Webhook hook = this.settings.webhooks().get(i);
			WebhookRecord record = records.get(i);
			health.add(new WebhookHealth(hook.shown(), record.lastSuccess(), record.lastFailure(), record.lastError(),
					record.pending(), record.givenUp()));
		}
		return health;
	}

}
