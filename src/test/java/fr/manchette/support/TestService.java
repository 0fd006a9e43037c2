package fr.manchette.support;

import java.io.IOException;
import java.nio.file.Path;

import fr.manchette.ManchetteApplication;
import fr.manchette.config.CurrentFeeds;
import fr.manchette.config.Source;
import fr.manchette.pipeline.IngestRun;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The service under test on a feeds.yml and an H2 file of its own, both in the test's directory. */
public final class TestService {

	private TestService() {
	}

	/** Writes {@code feedsYml} to {@code dir/feeds.yml} and points the service at it and at an H2 file in dir. */
	public static void use(DynamicPropertyRegistry registry, Path dir, FeedsYml feedsYml) throws IOException {
		useFeeds(registry, dir, feedsYml);
		registry.add("spring.datasource.url", () -> H2Files.url(dir));
	}

	/** Writes {@code feedsYml} to {@code dir/feeds.yml} and points the service at it; the database is the test's. */
	public static void useFeeds(DynamicPropertyRegistry registry, Path dir, FeedsYml feedsYml) throws IOException {
		Path feeds = feedsYml.writeTo(feedsFile(dir));
		registry.add("manchette.feeds", feeds::toString);
	}

	/** Where {@link #use} writes feeds.yml, for a test that edits it while the service runs. */
	public static Path feedsFile(Path dir) {
		return dir.resolve("feeds.yml");
	}

	/**
	 * Starts the whole service, its scheduler polling, on {@code feeds} and an H2 file beside it, its clock the one
	 * the test moves.
	 */
	public static ConfigurableApplicationContext startOn(SettableClock clock, Path feeds) {
		return new SpringApplicationBuilder(ManchetteApplication.class)
			.initializers((context) -> context.getBeanFactory().registerSingleton("settableClock", clock))
			.run("--server.port=0", "--manchette.feeds=" + feeds, "--manchette.polling.start-jitter=0s",
					"--spring.datasource.url=" + H2Files.url(feeds.getParent()));
	}

	/** Polls every source of feeds.yml once, in its order, as the scheduler would with one poll at a time. */
	public static void pollEverySource(IngestRun run, CurrentFeeds feeds) {
		for (Source source : feeds.get().feeds()) {
			run.run(source);
		}
	}

}
