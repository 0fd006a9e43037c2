package fr.manchette.notify;

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

/**
 * A webhook the service may not send to stops the start with a clear message: an internal address while internal
 * addresses are not allowed, a scheme other than http(s), a missing secret. Nothing is sent and no name is looked
 * up: the addresses are literal (192.0.2.10 is a documentation address), and only checked.
 */
@ExtendWith(OutputCaptureExtension.class)
class WebhookStartupTests {

	@TempDir
	Path dir;

	@Test
	void aWebhookOnAnInternalAddressIsRefusedUnlessAllowed(CapturedOutput output) throws Exception {
		for (String url : new String[] { "http://127.0.0.1:9/hook", "http://10.1.2.3/hook", "http://169.254.169.254/" }) {
			assertThatThrownBy(() -> start("--manchette.webhooks[0].url=https://192.0.2.10/hook",
					"--manchette.webhooks[0].secret=s", "--manchette.webhooks[1].url=" + url,
					"--manchette.webhooks[1].secret=s"))
				.as(url)
				.hasRootCauseInstanceOf(InvalidWebhookException.class)
				.rootCause()
				.hasMessageContaining("manchette.webhooks[1].url")
				.hasMessageContaining("webhook to internal address");
		}
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("manchette.fetch.allow-internal-redirects=true")
			.doesNotContain("\tat fr.manchette");
	}

	@Test
	void onlyHttpAndHttpsWithASecretAreTaken() throws Exception {
		assertThatThrownBy(() -> start("--manchette.webhooks[0].url=ftp://192.0.2.10/hook",
				"--manchette.webhooks[0].secret=s"))
			.hasStackTraceContaining("manchette.webhooks[N].url must be an http or https address, not ftp://192.0.2.10/hook");
		assertThatThrownBy(() -> start("--manchette.webhooks[0].url=https://192.0.2.10/hook"))
			.hasStackTraceContaining("manchette.webhooks[N].secret is required for https://192.0.2.10/hook");
		assertThatThrownBy(() -> start("--manchette.une.window=10d"))
			.hasStackTraceContaining("manchette.une.window must be from 1m to 7d");
	}

	@Test
	void aLoopbackWebhookStartsWhenInternalAddressesAreAllowed() throws Exception {
		try (var context = SpringApplication.run(ManchetteApplication.class, args("--manchette.webhooks[0].url=http://127.0.0.1:9/hook",
				"--manchette.webhooks[0].secret=s", "--manchette.fetch.allow-internal-redirects=true"))) {
			assertThat(context.getBean(WebhookStatusBoard.class).webhooks()).hasSize(1);
		}
	}

	private void start(String... settings) throws Exception {
		SpringApplication.run(ManchetteApplication.class, args(settings)).close();
	}

	private String[] args(String... settings) throws Exception {
		Path feeds = FeedsYml.withDefaults()
			.source("a", "A", "http://127.0.0.1:9/feed")
			.writeTo(this.dir.resolve("feeds.yml"));
		String[] base = { "--server.port=0", "--manchette.feeds=" + feeds, "--manchette.polling.enabled=false",
				"--spring.datasource.url=jdbc:h2:mem:webhook-startup" };
		String[] all = new String[base.length + settings.length];
		System.arraycopy(base, 0, all, 0, base.length);
		System.arraycopy(settings, 0, all, base.length, settings.length);
		return all;
	}

}
