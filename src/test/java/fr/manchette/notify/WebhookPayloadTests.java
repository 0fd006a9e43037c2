package fr.manchette.notify;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.manchette.store.OutboxDelivery;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookPayloadTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void theTimeIsToTheSecondWhateverTheStoreKept() {
		// An item without a date of its own is sorted by the clock of its poll, which the store keeps to the microsecond.
		OutboxDelivery delivery = new OutboxDelivery(12, "a", "k", "story.new", "Séisme au large d’Agadir",
				"https://actu.example/quake.html", List.of("alpha"), Instant.parse("2026-12-07T02:15:07.123456Z"), 0);

		JsonNode body = this.json.readTree(WebhookPayload.body(delivery, this.json));

		assertThat(body.get("time").asString()).isEqualTo("2026-12-07T02:15:07Z");
	}

	@Test
	void theSameDeliveryIsWrittenToTheSameBytes() {
		OutboxDelivery delivery = new OutboxDelivery(3, "a", "k", "story.new", "Titre", null, List.of("alpha", "beta"),
				Instant.parse("2026-12-07T00:00:00Z"), 2);

		assertThat(WebhookPayload.body(delivery, this.json)).isEqualTo(WebhookPayload.body(delivery, this.json));
		assertThat(new String(WebhookPayload.body(delivery, this.json), java.nio.charset.StandardCharsets.UTF_8))
			.isEqualTo("{\"event\":\"story.new\",\"delivery\":3,\"id\":\"k\",\"title\":\"Titre\",\"link\":null,"
					+ "\"sources\":[\"alpha\",\"beta\"],\"time\":\"2026-12-07T00:00:00Z\"}");
	}

}
