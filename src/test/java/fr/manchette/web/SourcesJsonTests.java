package fr.manchette.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import fr.manchette.publish.SourceFreshness;
import fr.manchette.publish.SourceHealth;
import fr.manchette.store.PollOutcome;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class SourcesJsonTests {

	private static final Instant T0 = Instant.parse("2025-05-16T18:35:00.123456Z");

	private final JsonMapper mapper = JsonMapper.builder().addModule(InstantJson.module()).build();

	private final SourcesJson json = new SourcesJson(this.mapper);

	@Test
	void writesTheBytesJacksonWritesForTheWholeList() {
		List<SourceHealth> sources = List.of(polled("hespress", T0), failing("le360"), pending("«étoile» \"rare\""));

		assertThat(this.json.write(sources)).isEqualTo(whole(sources));
		assertThat(new String(this.json.write(sources), StandardCharsets.UTF_8))
			.startsWith("{\"sources\":[{\"id\":\"hespress\",")
			.contains("\"dropped\":{\"drop: publireportage\":3,\"languages: fr\":1}")
			.contains("\"intervalSeconds\":600,\"intervalReason\":\"rate\",\"itemsPerHour\":4.5");
	}

	@Test
	void writesAnEmptyListAsJacksonDoes() {
		assertThat(this.json.write(List.of())).isEqualTo(whole(List.of()));
		this.json.write(List.of(polled("hespress", T0)));
		assertThat(this.json.write(List.of())).isEqualTo(whole(List.of()));
	}

	@Test
	void aSourceWhoseHealthChangedIsWrittenAgainTheOthersAsBefore() {
		List<SourceHealth> before = List.of(polled("hespress", T0), failing("le360"), pending("medias24"));
		this.json.write(before);
		List<SourceHealth> after = List.of(polled("hespress", T0.plusSeconds(60)), failing("le360"),
				pending("medias24"));

		assertThat(this.json.write(after)).isEqualTo(whole(after));
		assertThat(this.json.write(before)).isEqualTo(whole(before));
	}

	@Test
	void followsTheFilesOrderAndItsSourcesComingAndGoing() {
		this.json.write(List.of(polled("hespress", T0), failing("le360")));
		List<SourceHealth> reordered = List.of(failing("le360"), pending("medias24"), polled("hespress", T0));
		assertThat(this.json.write(reordered)).isEqualTo(whole(reordered));

		List<SourceHealth> fewer = List.of(pending("medias24"));
		assertThat(this.json.write(fewer)).isEqualTo(whole(fewer));
	}

	@Test
	void eachChangeOfAnyFieldIsWrittenAgain() {
		SourceHealth base = polled("hespress", T0);
		List<SourceHealth> variants = new ArrayList<>(List.of(
				new SourceHealth("hespress", "Hespress", "https://h.ma/feed", "actualite", false, T0, T0,
						PollOutcome.OK, 0, null, T0.plusSeconds(600), 7, null, base.dropped(), base.freshness()),
				new SourceHealth("hespress", "Hespress", "https://h.ma/feed", "actualite", true, T0, T0,
						PollOutcome.OK, 0, null, T0.plusSeconds(600), 8, null, base.dropped(), base.freshness()),
				new SourceHealth("hespress", "Hespress", "https://h.ma/feed", "actualite", true, T0, T0,
						PollOutcome.OK, 0, null, T0.plusSeconds(600), 7, null, Map.of("keep", 1L), base.freshness()),
				new SourceHealth("hespress", "Hespress", "https://h.ma/feed", "actualite", true, T0, T0,
						PollOutcome.OK, 0, null, T0.plusSeconds(600), 7, null, base.dropped(),
						new SourceFreshness(600L, "rate", 4.6, 40L, 90L, 2))));
		for (SourceHealth variant : variants) {
			this.json.write(List.of(base));
			assertThat(this.json.write(List.of(variant))).isEqualTo(whole(List.of(variant)));
		}
	}

	/** What Jackson writes for the list whole, as the endpoint answered before it kept each source's bytes. */
	private byte[] whole(List<SourceHealth> sources) {
		return this.mapper.writeValueAsBytes(new Whole(sources));
	}

	record Whole(List<SourceHealth> sources) {
	}

	private static SourceHealth polled(String id, Instant at) {
		return new SourceHealth(id, "Hespress", "https://h.ma/feed", "actualite", true, at, at, PollOutcome.OK, 0, null,
				at.plusSeconds(600), 7, null, Map.of("languages: fr", 1L, "drop: publireportage", 3L),
				new SourceFreshness(600L, "rate", 4.5, 40L, 90L, 2));
	}

	private static SourceHealth failing(String id) {
		return new SourceHealth(id, "Le360", "https://l.ma/feed", null, true, T0, T0.minusSeconds(3600),
				PollOutcome.TIMEOUT, 3, "no complete answer within 20s", T0.plusSeconds(900), 12,
				"https://le360.ma/rss", Map.of(), new SourceFreshness(900L, "backoff", null, null, null, 0));
	}

	private static SourceHealth pending(String id) {
		return new SourceHealth(id, "Médias 24 — « fil »", "https://m.ma/feed?a=1&b=<2>", "économie", true, null,
				null, PollOutcome.PENDING, 0, null, null, 0, null, Map.of(), null);
	}

}
