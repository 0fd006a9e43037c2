package fr.manchette.web;

import java.nio.file.Path;

import fr.manchette.ManchetteApplication;
import fr.manchette.support.FeedsYml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A {@code manchette.page.frame-ancestors} that names no site stops the start, with a sentence that says why. */
@ExtendWith(OutputCaptureExtension.class)
class FrameAncestorsStartupTests {

	@TempDir
	Path dir;

	@Test
	void aFrameAncestorWithAPathOrAnySiteStopsTheStart(CapturedOutput output) throws Exception {
		assertThatThrownBy(() -> start("--manchette.page.frame-ancestors=https://www.exemple.ma/widget"))
			.hasStackTraceContaining("manchette.page.frame-ancestors must be origins such as https://www.exemple.ma "
					+ "or https://*.exemple.ma (no path), not https://www.exemple.ma/widget");
		assertThatThrownBy(() -> start("--manchette.page.frame-ancestors=*"))
			.hasStackTraceContaining("manchette.page.frame-ancestors must name the sites that may frame the ticker page");
		assertThat(output).contains("APPLICATION FAILED TO START");
	}

	private void start(String setting) throws Exception {
		Path feeds = FeedsYml.withDefaults()
			.source("a", "A", "http://127.0.0.1:9/feed")
			.writeTo(this.dir.resolve("feeds.yml"));
		SpringApplication.run(ManchetteApplication.class, "--server.port=0", "--manchette.feeds=" + feeds,
				"--manchette.polling.enabled=false", "--spring.datasource.url=jdbc:h2:mem:frame-ancestors", setting)
			.close();
	}

}
