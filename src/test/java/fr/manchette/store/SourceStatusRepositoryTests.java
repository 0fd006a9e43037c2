package fr.manchette.store;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:file:./target/h2/source-status;"
		+ "MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH")
@Import(SourceStatusRepository.class)
class SourceStatusRepositoryTests {

	private static final Instant T0 = Instant.parse("2025-05-16T10:00:00Z");

	@Autowired
	private SourceStatusRepository statuses;

	@Test
	void recordOutcomeCreatesThenReplacesTheRow() {
		SourceStatus ok = new SourceStatus("hespress", "https://h.ma/feed", T0, T0, "OK", 0, null, "\"v1\"",
				"Fri, 16 May 2025 10:00:00 GMT", T0.plusSeconds(900), null, null);
		SourceStatus failed = new SourceStatus("hespress", "https://h.ma/feed", T0.plusSeconds(900), T0,
				"HTTP_STATUS", 1, "HTTP 500", "\"v1\"", "Fri, 16 May 2025 10:00:00 GMT", T0.plusSeconds(1800),
				"https://h.ma/nouveau-flux", Duration.ofHours(1));

		this.statuses.recordOutcome(ok);
		assertThat(this.statuses.find("hespress")).contains(ok);

		this.statuses.recordOutcome(failed);
		assertThat(this.statuses.find("hespress")).contains(failed);
		assertThat(this.statuses.findAll()).containsExactly(failed);
	}

	@Test
	void findOfAnUnknownSourceIsEmpty() {
		assertThat(this.statuses.find("nobody")).isEmpty();
	}

}
