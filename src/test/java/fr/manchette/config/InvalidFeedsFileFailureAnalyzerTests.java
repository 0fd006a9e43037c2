package fr.manchette.config;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link InvalidFeedsFileFailureAnalyzer}, without a Spring context. */
class InvalidFeedsFileFailureAnalyzerTests {

	private final Path path = Path.of("/etc/manchette/feeds.yml");

	private final InvalidFeedsFileException failure = new InvalidFeedsFileException(this.path,
			List.of("feeds[1] (id \"le360\"): url is missing", "timezone \"Europe/Pariss\" is not a known time zone"));

	@Test
	void descriptionListsEveryProblemAndActionSaysWhereThePathComesFrom() {
		FailureAnalysis analysis = new InvalidFeedsFileFailureAnalyzer()
			.analyze(new IllegalStateException("Failed to create bean", this.failure));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).isEqualTo("""
				The sources file feeds.yml (/etc/manchette/feeds.yml) is invalid:

				  - feeds[1] (id "le360"): url is missing
				  - timezone "Europe/Pariss" is not a known time zone""");
		assertThat(analysis.getAction()).contains("Fix /etc/manchette/feeds.yml")
			.contains("--manchette.feeds=PATH")
			.contains("MANCHETTE_FEEDS");
		assertThat(analysis.getCause()).isSameAs(this.failure);
	}

	@Test
	void otherFailuresAreLeftToOtherAnalyzers() {
		assertThat(new InvalidFeedsFileFailureAnalyzer().analyze(new IllegalStateException("something else")))
			.isNull();
	}

	@Test
	void isRegisteredInSpringFactories() {
		List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, null, (factoryType, implementationName, failure) -> {
			});
		assertThat(analyzers).hasAtLeastOneElementOfType(InvalidFeedsFileFailureAnalyzer.class);
	}

}
