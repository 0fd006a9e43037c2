package fr.manchette.store;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.h2.api.ErrorCode;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Turns an H2 file that cannot be opened into Spring Boot's "APPLICATION FAILED TO START" report, one sentence and
 * what to do, without a stack trace: a directory that cannot be made ({@link UnusableH2FileException}), or a file that
 * another process has open (H2's file lock: a second instance, or one still stopping). Registered in
 * {@code META-INF/spring.factories}.
 */
class UnusableH2FileFailureAnalyzer implements FailureAnalyzer {

	/** The file H2 names in its message: {@code Database may be already in use: "/srv/data/manchette.mv.db". …}. */
	private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");

	@Override
	public @Nullable FailureAnalysis analyze(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof UnusableH2FileException unusable) {
				return new FailureAnalysis(unusable.getMessage(),
						"Give manchette.data-dir (or MANCHETTE_DATA_DIR) a directory this user can make and write "
								+ "in, or spring.datasource.url another H2 file.",
						unusable);
			}
			if (cause instanceof SQLException sql && sql.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
				Matcher file = QUOTED.matcher(String.valueOf(sql.getMessage()));
				return new FailureAnalysis("The H2 file " + (file.find() ? file.group(1) + " " : "")
						+ "is in use by another process: another Manchette runs on it, or is still stopping.",
						"Stop the other instance first, or give this one another manchette.data-dir. Instances "
								+ "that share a store share PostgreSQL, not an H2 file.",
						sql);
			}
		}
		return null;
	}

}
