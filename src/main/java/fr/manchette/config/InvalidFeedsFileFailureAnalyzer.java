package fr.manchette.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a bad feeds.yml at start-up into Spring Boot's "APPLICATION FAILED TO START" report: the list of
 * problems and what to do, without a stack trace. Registered in {@code META-INF/spring.factories}.
 */
class InvalidFeedsFileFailureAnalyzer extends AbstractFailureAnalyzer<InvalidFeedsFileException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidFeedsFileException cause) {
		StringBuilder description = new StringBuilder("The sources file feeds.yml (").append(cause.path())
			.append(") is invalid:\n");
		cause.problems().forEach((problem) -> description.append("\n  - ").append(problem));
		String action = "Fix " + cause.path() + " and start Manchette again. "
				+ "Its path comes from --manchette.feeds=PATH or the environment variable MANCHETTE_FEEDS "
				+ "(default ./feeds.yml).";
		return new FailureAnalysis(description.toString(), action, cause);
	}

}
