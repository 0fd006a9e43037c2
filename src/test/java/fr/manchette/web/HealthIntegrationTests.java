package fr.manchette.web;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import javax.sql.DataSource;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.zaxxer.hikari.HikariDataSource;
import fr.manchette.support.FeedsYml;
import fr.manchette.support.LocalHttp;
import fr.manchette.support.Sites;
import fr.manchette.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code /actuator/health} as the README has it: {@code UP} while the database answers, however its sources fare,
 * and {@code DOWN} with a 503, which a monitor or a load balancer acts on, once the database stops answering.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class HealthIntegrationTests {

	@RegisterExtension
	static WireMockExtension sites = Sites.forTheClass();

	@TempDir
	static Path dir;

	@Autowired
	private DataSource dataSource;

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		sites.stubFor(get("/rss").willReturn(aResponse().withStatus(404)));
		TestService.use(registry, dir,
				FeedsYml.inZone("Africa/Casablanca").source("absent", "http://localhost:" + sites.getPort() + "/rss"));
		registry.add("manchette.polling.start-jitter", () -> "0s");
	}

	@Test
	void upWhateverItsSourcesDoAndDownOnceTheDatabaseStopsAnswering() throws Exception {
		await().atMost(Duration.ofSeconds(30)).until(() -> LocalHttp.get(this.port, "/api/sources", null)
			.body()
			.contains("\"outcome\":\"HTTP_STATUS\""));

		var up = LocalHttp.get(this.port, "/actuator/health", null);
		assertThat(up.statusCode()).isEqualTo(200);
		// As the README shows it.
		assertThat(up.body()).isEqualTo("{\"groups\":[\"liveness\",\"readiness\"],\"status\":\"UP\"}");

		((HikariDataSource) this.dataSource).close();

		var down = LocalHttp.get(this.port, "/actuator/health", null);
		assertThat(down.statusCode()).isEqualTo(503);
		assertThat(down.body()).contains("\"status\":\"DOWN\"");
	}

}
