package fr.manchette;

import java.nio.file.Files;
import java.nio.file.Path;

import fr.manchette.config.InvalidFeedsFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A wrong feeds.yml stops the start with one clear message, and no stack trace for the operator to read. */
@ExtendWith(OutputCaptureExtension.class)
class StartupTests {

	@TempDir
	Path dir;

	@Test
	void wrongFeedsFileStopsStartWithAClearMessage(CapturedOutput output) throws Exception {
		Path feeds = this.dir.resolve("feeds.yml");
		Files.writeString(feeds, """
				timezone: Europe/Pariss
				feeds:
				  - id: le360
				    name: Le360
				""");

		assertThatThrownBy(() -> SpringApplication.run(ManchetteApplication.class, "--server.port=0",
				"--manchette.feeds=" + feeds, "--manchette.polling.enabled=false",
				"--spring.datasource.url=jdbc:h2:mem:startup"))
			.hasRootCauseInstanceOf(InvalidFeedsFileException.class);

		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("feeds[0] (id \"le360\"): url is missing")
			.contains("timezone \"Europe/Pariss\" is not a known time zone")
			.contains("MANCHETTE_FEEDS")
			.doesNotContain("\tat fr.manchette")
			// Said once, by the report: not first as Spring's warning, which names the web server being built.
			.doesNotContain("Unable to start web server")
			.doesNotContain("cancelling refresh attempt")
			// Nor preceded by Spring's advice to re-run in debug for a report of its auto-configuration.
			.doesNotContain("condition evaluation report");
	}

}
