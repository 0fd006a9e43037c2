package fr.manchette.notify;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A refused webhook at start-up as Spring Boot's "APPLICATION FAILED TO START" report, without a stack trace.
 * Registered in {@code META-INF/spring.factories}.
 */
class InvalidWebhookFailureAnalyzer extends AbstractFailureAnalyzer<InvalidWebhookException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidWebhookException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Point manchette.webhooks[N].url at a public address, or allow internal addresses with "
						+ "manchette.fetch.allow-internal-redirects=true (which redirects of sources may then reach too).",
				cause);
	}

}
