package fr.manchette.preview;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import fr.manchette.config.FeedsFile;
import fr.manchette.config.FeedsFileLoader;
import fr.manchette.config.InvalidFeedsFileException;
import fr.manchette.config.PollDefaults;
import fr.manchette.config.Source;
import fr.manchette.config.SourceType;
import fr.manchette.config.TickerSelectors;
import fr.manchette.fetch.FeedFetcher;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@code java -jar manchette.jar preview …}: fetches a {@code type: html} source's page once and prints what its
 * selectors yield, so that an operator can write a {@code select} block in minutes. Plain code: no Spring context, no
 * web server, no database, no polling.
 */
public final class PreviewCommand {

	/** Items printed. */
	/** The word after {@code java -jar manchette.jar}. */
	public static final String NAME = "preview";

	public static final int OK = 0;

	/** The page could not be fetched, or its selectors found nothing. */
	public static final int FAILED = 1;

	/** The command line or feeds.yml is wrong. */
	public static final int USAGE = 2;

	private static final String DEFAULT_USER_AGENT = "Manchette (+https://github.com/manchette/manchette)";

	private final Map<String, String> environment;

	private final Clock clock;

	private final PrintStream out;

	private final PrintStream err;

	/**
	 * @param environment where {@code MANCHETTE_FEEDS} is looked up
	 */
	public PreviewCommand(Map<String, String> environment, Clock clock, PrintStream out, PrintStream err) {
		this.environment = environment;
		this.clock = clock;
		this.out = out;
		this.err = err;
	}

	/** For {@code ManchetteApplication.main}: runs with the process's environment and exits with the status. */
	public static void main(String[] args) {
		PreviewCommand command = new PreviewCommand(System.getenv(), Clock.systemUTC(), System.out, System.err);
		System.exit(command.run(Arrays.asList(args)));
	}

	/**
	 * @param args what follows {@code preview} on the command line
	 * @return {@link #OK}, {@link #FAILED} or {@link #USAGE}
	 */
	public int run(List<String> args) {
		PreviewOptions options;
		try {
			options = PreviewOptions.parse(args);
		}
		catch (IllegalArgumentException ex) {
			this.err.println("preview: " + ex.getMessage());
			this.err.println();
			this.err.print(PreviewOptions.USAGE);
			return USAGE;
		}
		if (options.help()) {
			this.out.print(PreviewOptions.USAGE);
			return OK;
		}
		FeedFetcher fetcher = new FeedFetcher(userAgent(), this.clock);
		TickerPreview preview = new TickerPreview(fetcher, this.clock, this.out);
		String failure;
		if (options.sourceId() != null) {
			Path path = feedsFile(options);
			FeedsFile feeds;
			try {
				// Intervals are the poller's business, not the preview's: no floor.
				feeds = new FeedsFileLoader(Duration.ZERO).load(path);
			}
			catch (InvalidFeedsFileException ex) {
				this.err.println("preview: " + ex.getMessage());
				return USAGE;
			}
			Source source = feeds.source(options.sourceId()).orElse(null);
			if (source == null) {
				this.err.println("preview: no source \"" + options.sourceId() + "\" in " + path.toAbsolutePath()
						+ " (ids: " + String.join(", ", feeds.feeds().stream().map(Source::id).toList()) + ")");
				return USAGE;
			}
			if (source.type() != SourceType.HTML || source.select() == null) {
				this.err.println("preview: source \"" + source.id() + "\" is a feed; preview shows what the selectors "
						+ "of a type html source yield");
				return USAGE;
			}
			failure = preview.show(source.url(), source.select(), feeds.poll(), options.enrich() || source.enrich());
		}
		else {
			List<String> problems = new ArrayList<>();
			TickerSelectors select = TickerSelectors.read(options.select(), FeedsFile.DEFAULT_TIMEZONE, problems);
			if (select == null) {
				// The block's checks name its keys, which are the options' names.
				problems.forEach((problem) -> this.err.println("preview: --" + problem.replaceFirst("^select: ", "")));
				return USAGE;
			}
			URI url = options.url();
			failure = preview.show(url, select, PollDefaults.DEFAULTS, options.enrich());
		}
		if (failure != null) {
			this.err.println("preview: " + failure);
			return FAILED;
		}
		return OK;
	}

	/** As the service finds it: {@code --manchette.feeds}, else {@code MANCHETTE_FEEDS}, else ./feeds.yml. */
	private Path feedsFile(PreviewOptions options) {
		if (options.feedsFile() != null) {
			return options.feedsFile();
		}
		String fromEnvironment = this.environment.get("MANCHETTE_FEEDS");
		return Path.of((fromEnvironment != null && !fromEnvironment.isBlank()) ? fromEnvironment : "./feeds.yml");
	}

	/** The service's own User-Agent, version included, as application.yml gives it to the running service. */
	static String userAgent() {
		try (InputStream yaml = PreviewCommand.class.getResourceAsStream("/application.yml")) {
			if (yaml == null) {
				return DEFAULT_USER_AGENT;
			}
			Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
			Object value = at(at(root, "manchette"), "user-agent");
			return (value instanceof String agent && !agent.contains("@")) ? agent : DEFAULT_USER_AGENT;
		}
		catch (IOException | RuntimeException ex) {
			return DEFAULT_USER_AGENT;
		}
	}

	private static @Nullable Object at(@Nullable Object mapping, String key) {
		return (mapping instanceof Map<?, ?> map) ? map.get(key) : null;
	}

}
