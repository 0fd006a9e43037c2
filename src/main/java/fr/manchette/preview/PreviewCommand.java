package fr.manchette.preview;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import fr.manchette.config.CommandSettings;
import fr.manchette.config.FeedsFile;
import fr.manchette.config.FeedsFileLoader;
import fr.manchette.config.InvalidFeedsFileException;
import fr.manchette.config.ManchetteProperties;
import fr.manchette.config.PollDefaults;
import fr.manchette.config.Source;
import fr.manchette.config.SourceType;
import fr.manchette.config.TickerSelectors;
import fr.manchette.fetch.FeedFetcher;

/**
 * {@code java -jar manchette.jar preview …}: fetches a {@code type: html} source's page once and prints what its
 * selectors yield, so that an operator can write a {@code select} block in minutes. Plain code: no Spring context, no
 * web server, no database, no polling.
 */
public final class PreviewCommand {

	/** The word after {@code java -jar manchette.jar}. */
	public static final String NAME = "preview";

	public static final int OK = 0;

	/** The page could not be fetched, or its selectors found nothing. */
	public static final int FAILED = 1;

	/** The command line or feeds.yml is wrong. */
	public static final int USAGE = 2;

	private final Map<String, String> environment;

	private final Clock clock;

	private final PrintStream out;

	private final PrintStream err;

	/**
	 * @param environment where the service's settings are looked up, such as {@code MANCHETTE_FEEDS}
	 */
	public PreviewCommand(Map<String, String> environment, Clock clock, PrintStream out, PrintStream err) {
		this.environment = environment;
		this.clock = clock;
		this.out = out;
		this.err = err;
	}

	/** For {@code ManchetteApplication.main}: runs with the process's environment; returns the exit status. */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		return new PreviewCommand(System.getenv(), Clock.systemUTC(), out, err).run(Arrays.asList(args));
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
		ManchetteProperties settings;
		try {
			// The service's settings, read as the service reads them: where feeds.yml is, the User-Agent.
			settings = CommandSettings.read(this.environment, (options.feedsFile() != null)
					? Map.of("manchette.feeds", options.feedsFile().toString()) : Map.of());
		}
		catch (IllegalArgumentException ex) {
			this.err.println("preview: " + ex.getMessage());
			return USAGE;
		}
		FeedFetcher fetcher = new FeedFetcher(settings.userAgent(), this.clock);
		TickerPreview preview = new TickerPreview(fetcher, this.clock, this.out);
		String failure;
		if (options.sourceId() != null) {
			Path path = settings.feeds();
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

}
