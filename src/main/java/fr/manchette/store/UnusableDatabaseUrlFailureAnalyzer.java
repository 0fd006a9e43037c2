package fr.manchette.store;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a database URL that cannot work into Spring Boot's "APPLICATION FAILED TO START" report: one sentence and
 * what to do, without a stack trace. Registered in {@code META-INF/spring.factories}.
 */
class UnusableDatabaseUrlFailureAnalyzer extends AbstractFailureAnalyzer<UnusableDatabaseUrlException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, UnusableDatabaseUrlException cause) {
		String action = "Give spring.datasource.url (or SPRING_DATASOURCE_URL) a jdbc:h2: or jdbc:postgresql: URL, "
				+ "or leave it out to keep the H2 file in manchette.data-dir (default ./data).";
		return new FailureAnalysis(cause.getMessage(), action, cause);
	}

}
