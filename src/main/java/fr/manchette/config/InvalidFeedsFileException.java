package fr.manchette.config;

import java.nio.file.Path;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * feeds.yml could not be read, or says something wrong. Carries every problem found, each one naming the
 * source and the field, so that the operator can fix the file in one go.
 */
public final class InvalidFeedsFileException extends RuntimeException {

	private final Path path;

	private final List<String> problems;

	public InvalidFeedsFileException(Path path, List<String> problems) {
		this(path, problems, null);
	}

	public InvalidFeedsFileException(Path path, List<String> problems, @Nullable Throwable cause) {
		super(message(path, problems), cause);
		this.path = path;
		this.problems = List.copyOf(problems);
	}

	private static String message(Path path, List<String> problems) {
		StringBuilder message = new StringBuilder("feeds.yml (").append(path).append(") is invalid:");
		problems.forEach((problem) -> message.append("\n  - ").append(problem));
		return message.toString();
	}

	/** The file that was read, as an absolute path. */
	public Path path() {
		return this.path;
	}

	/** Every problem found, in file order, never empty. */
	public List<String> problems() {
		return this.problems;
	}

}
