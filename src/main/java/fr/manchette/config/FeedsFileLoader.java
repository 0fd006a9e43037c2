package fr.manchette.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;

import org.springframework.util.Assert;

/**
 * Reads feeds.yml, the operator's list of sources, into a {@link FeedsFile} with every default applied. Safe to
 * call again while running (a live reload): it keeps no state.
 *
 * <p>
 * The YAML is read with SnakeYAML's safe constructor (plain maps, lists and scalars, never an arbitrary type),
 * duplicate keys are refused and the file's size is capped. It is then bound by hand so that every mistake is
 * reported at once ({@link FeedsFileBinder}): Spring's {@code YamlPropertySourceLoader} would flatten the tree into
 * property names, and lose what the operator wrote (a list where a mapping belongs, a number where a duration does).
 */
public final class FeedsFileLoader {

	/** Far beyond hundreds of sources; refuses a file that is clearly something else. */
	static final int MAX_CODE_POINTS = 1024 * 1024;

	/** The largest file read: a code point is at most four bytes. */
	static final int MAX_BYTES = 4 * MAX_CODE_POINTS;

	/** feeds.yml needs no anchors; a few are harmless, many are a "billion laughs". */
	private static final int MAX_ALIASES = 20;

	/** A line "key: value", or "- key: value": the key ends at group 1's end. */
	private static final Pattern KEY_AND_VALUE = Pattern.compile("\\s*(?:-\\s+)?([^\\s:#\"'][^:#]*?):\\s+(.*?)\\s*");

	private final Duration minInterval;

	/** A loader that refuses intervals under one minute, the polite floor for someone else's server. */
	public FeedsFileLoader() {
		this(IntervalBounds.MIN_INTERVAL);
	}

	/**
	 * A loader with another floor for intervals ({@code manchette.polling.min-interval}): tests and benchmarks on
	 * loopback go lower.
	 */
	public FeedsFileLoader(Duration minInterval) {
		Assert.isTrue(!minInterval.isNegative(), "'minInterval' must not be negative");
		this.minInterval = minInterval;
	}

	/**
	 * Reads and checks the file.
	 * @param path where feeds.yml is, usually from {@code manchette.feeds}
	 * @return the sources and settings, defaults applied
	 * @throws InvalidFeedsFileException if the file is missing, unreadable, not YAML, or says anything wrong;
	 * it lists every problem found
	 */
	public FeedsFile load(Path path) {
		Assert.notNull(path, "'path' must not be null");
		Path absolute = path.toAbsolutePath().normalize();
		Object root = parse(absolute, read(absolute));
		if (root == null) {
			// Said as such: an editor that empties the file before it writes it again is caught here mid-save too.
			throw invalid(absolute, "the file is empty (or holds only comments): it needs a feeds: list of at least "
					+ "one source", null);
		}
		FeedsFileBinder binder = new FeedsFileBinder(this.minInterval);
		FeedsFile file = binder.bind(root);
		if (file == null) {
			throw new InvalidFeedsFileException(absolute, binder.problems());
		}
		return file;
	}

	private static String read(Path path) {
		try {
			if (Files.isDirectory(path)) {
				throw invalid(path, "this is a directory, not a file", null);
			}
			long size = Files.size(path);
			// A code point is at least one byte: a file this large cannot be within the limit.
			if (size > MAX_BYTES) {
				throw invalid(path, "the file is too large (" + size + " bytes, for at most " + MAX_CODE_POINTS
						+ " characters)", null);
			}
			byte[] bytes = Files.readAllBytes(path);
			CharBuffer text = CharBuffer.allocate(bytes.length);
			ByteBuffer input = ByteBuffer.wrap(bytes);
			CoderResult result = StandardCharsets.UTF_8.newDecoder().decode(input, text, true);
			if (result.isError()) {
				// An editor set to Latin-1 or windows-1252 wrote an accent: say on which line.
				throw invalid(path, "the file is not UTF-8 text (line " + lineAt(bytes, input.position())
						+ " holds a character in another encoding, Latin-1 perhaps): save it as UTF-8", null);
			}
			String read = text.flip().toString();
			// A byte order mark, as some Windows editors write, is not part of the YAML.
			return read.startsWith("\uFEFF") ? read.substring(1) : read;
		}
		catch (NoSuchFileException ex) {
			throw invalid(path, "the file does not exist", ex);
		}
		catch (AccessDeniedException ex) {
			throw invalid(path, "the file cannot be read (permission denied)", ex);
		}
		catch (IOException ex) {
			throw invalid(path, "the file cannot be read (" + ex + ")", ex);
		}
	}

	private static int lineAt(byte[] bytes, int position) {
		int line = 1;
		for (int i = 0; i < position; i++) {
			if (bytes[i] == '\n') {
				line++;
			}
		}
		return line;
	}

	private static @Nullable Object parse(Path path, String text) {
		LoaderOptions options = new LoaderOptions();
		options.setAllowDuplicateKeys(false);
		options.setCodePointLimit(MAX_CODE_POINTS);
		options.setMaxAliasesForCollections(MAX_ALIASES);
		options.setAllowRecursiveKeys(false);
		DumperOptions dumperOptions = new DumperOptions();
		// Yaml(BaseConstructor) alone would give the parser default options: pass ours to both.
		Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(dumperOptions), dumperOptions, options);
		try {
			return yaml.load(text);
		}
		catch (MarkedYAMLException ex) {
			throw invalid(path, describe(ex, text), ex);
		}
		catch (YAMLException ex) {
			String message = String.valueOf(ex.getMessage());
			throw invalid(path, "feeds.yml: " + (message.startsWith("Number of aliases")
					? "more than " + MAX_ALIASES + " aliases (*name) of a list or a mapping: write the values out"
					: message), ex);
		}
	}

	// "feeds.yml line 7, column 3: could not find expected ':' (while scanning a simple key at line 6, column 5)"
	private static String describe(MarkedYAMLException ex, String text) {
		Mark problemMark = ex.getProblemMark();
		Mark contextMark = ex.getContextMark();
		String problem = (ex.getProblem() != null) ? ex.getProblem() : ex.getContext();
		String slip = (problemMark != null && problem != null) ? slip(problem.trim(), problemMark, contextMark, text)
				: null;
		if (slip != null) {
			return "feeds.yml " + slip;
		}
		StringBuilder message = new StringBuilder("feeds.yml");
		if (problemMark != null) {
			message.append(" ").append(position(problemMark));
		}
		message.append(": ").append((problem != null) ? problem.trim() : "not valid YAML");
		if (ex.getProblem() != null && ex.getContext() != null) {
			message.append(" (").append(ex.getContext().trim());
			if (contextMark != null && (problemMark == null || contextMark.getLine() != problemMark.getLine())) {
				message.append(" at ").append(position(contextMark));
			}
			message.append(")");
		}
		return message.toString();
	}

	/**
	 * The slips an operator makes most, said where they are with their fix instead of in the parser's words: a tab
	 * where YAML wants spaces, ": " where it reads a new key (a value holding one, or a key indented more than the
	 * line above it), a key without its ": ", a line lined up with none above it; null for any other problem.
	 */
	private static @Nullable String slip(String problem, Mark mark, @Nullable Mark context, String text) {
		if (problem.startsWith("found character '\\t(TAB)'")) {
			return position(mark) + ": a tab, where YAML indents with spaces only: replace it with spaces";
		}
		if (problem.startsWith("expected <block end>")) {
			return position(mark) + ": this line is lined up with none above it: indent it as the lines it goes "
					+ "with (each source's \"- id:\" in one column, its other keys in another)";
		}
		if (problem.equals("could not find expected ':'") && context != null) {
			// The line that lacks it is where the parser began to read a key, not where it gave up.
			String line = line(text, context).strip();
			String written = line.startsWith("- ") ? line.substring(2).strip() : line;
			int space = written.indexOf(' ');
			String first = (space < 0) ? written : written.substring(0, space);
			int colon = first.indexOf(':');
			if (colon < 0 && space < 0) {
				return null;
			}
			String fixed = (colon > 0) ? first.substring(0, colon + 1) + " " + written.substring(colon + 1)
					: first + ": " + written.substring(first.length()).strip();
			return position(context) + ": \"" + written + "\" is not a key and its value: write " + fixed;
		}
		if (!problem.equals("mapping values are not allowed here")) {
			return null;
		}
		Matcher keyAndValue = KEY_AND_VALUE.matcher(line(text, mark));
		if (!keyAndValue.matches()) {
			return null;
		}
		String key = keyAndValue.group(1);
		if (mark.getColumn() > keyAndValue.end(1)) {
			String value = keyAndValue.group(2);
			String quoted = value.contains("\"") ? "'" + value.replace("'", "''") + "'" : "\"" + value + "\"";
			return position(mark) + ": the value of " + key + " holds \": \", which YAML reads as a new key: put it "
					+ "in quotes (" + key + ": " + quoted + ")";
		}
		return position(mark) + ": " + key + " is indented more than the line above it: start it in the same column "
				+ "as the other keys of its mapping";
	}

	private static String line(String text, Mark mark) {
		return text.lines().skip(mark.getLine()).findFirst().orElse("");
	}

	private static String position(Mark mark) {
		return "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
	}

	private static InvalidFeedsFileException invalid(Path path, String problem, @Nullable Throwable cause) {
		return new InvalidFeedsFileException(path, List.of(problem), cause);
	}

}
