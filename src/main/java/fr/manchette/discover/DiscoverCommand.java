package fr.manchette.discover;

import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import fr.manchette.config.CommandSettings;
import fr.manchette.config.ManchetteProperties;
import fr.manchette.fetch.FeedFetcher;
import fr.manchette.parse.FeedParser;

/**
 * {@code java -jar manchette.jar discover https://site.example/}: prints the feeds of a site and the feeds.yml
 * entries to add. Plain code, started from {@code main} before Spring: no web server, no database, no polling.
 */
public final class DiscoverCommand {

	public static final String NAME = "discover";

	private static final String USAGE = "Usage: java -jar manchette.jar discover URL\n"
			+ "Finds the feeds of the site at URL (its <link rel=\"alternate\"> tags, else the usual paths such as "
			+ "/feed or /rss.xml)\nand prints the feeds.yml entries to add.";

	private final FeedDiscovery discovery;

	private final FollowedFeeds followed;

	DiscoverCommand(FeedDiscovery discovery, FollowedFeeds followed) {
		this.discovery = discovery;
		this.followed = followed;
	}

	/** Runs the command with the arguments that follow {@code discover}; returns the process's exit status. */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		return run(args, out, err, System.getenv());
	}

	/** With the environment that the service's settings are read from ({@code MANCHETTE_FEEDS}, …). */
	static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> environment) {
		ManchetteProperties settings;
		try {
			// The service's User-Agent and feeds.yml, read from its settings as the service reads them.
			settings = CommandSettings.read(environment, Map.of());
		}
		catch (IllegalArgumentException ex) {
			err.println(ex.getMessage());
			return 2;
		}
		FeedDiscovery discovery = new FeedDiscovery(new FeedFetcher(settings.userAgent(), Clock.systemUTC()),
				new FeedParser());
		return new DiscoverCommand(discovery, FollowedFeeds.in(settings.feeds(), err)).execute(args, out, err);
	}

	int execute(String[] args, PrintStream out, PrintStream err) {
		if (args.length != 1 || args[0].startsWith("-")) {
			boolean help = args.length == 1 && (args[0].equals("-h") || args[0].equals("--help"));
			(help ? out : err).println(USAGE);
			return help ? 0 : 2;
		}
		URI site = FeedScheme.typed(args[0]);
		if (site == null) {
			err.println("Not an http(s) address: " + args[0]);
			err.println(USAGE);
			return 2;
		}
		out.println("Looking for the feeds of " + site + " …");
		Discovered discovered;
		try {
			discovered = this.discovery.discover(site);
		}
		catch (DiscoveryException ex) {
			err.println(ex.getMessage());
			return 1;
		}
		List<FoundFeed> feeds = new ArrayList<>();
		List<LeftOut> leftOut = new ArrayList<>(discovered.leftOut());
		for (FoundFeed feed : discovered.feeds()) {
			this.followed.asLeftOut(feed.url(), formatName(feed.format()))
				.ifPresentOrElse(leftOut::add, () -> feeds.add(feed));
		}
		printLeftOut(leftOut, out);
		if (feeds.isEmpty() && !discovered.feeds().isEmpty()) {
			err.println("No feed to add: feeds.yml follows every feed found (above).");
			return 1;
		}
		if (feeds.isEmpty()) {
			err.println("No feed found: " + (discovered.leftOut().isEmpty()
					? "the page links to none with <link rel=\"alternate\">"
					: "none of the feeds the page links to with <link rel=\"alternate\"> can be polled (above)")
					+ ", and none of the usual paths (/" + String.join(", /", FeedDiscovery.USUAL_PATHS)
					+ ") answered with one.");
			return 1;
		}
		List<FeedsYmlEntry> entries = FeedsYmlEntry.of(feeds, site, this.followed.ids());
		out.println();
		out.println((feeds.size() == 1) ? "Found 1 feed:" : "Found " + feeds.size() + " feeds:");
		for (FoundFeed feed : feeds) {
			out.println("  " + feed.url());
			out.println("    " + describe(feed));
		}
		out.println();
		out.println("Add to the feeds of feeds.yml (category, interval and enabled are optional; keep the ones you want):");
		out.println();
		entries.forEach((entry) -> out.print(entry.yaml()));
		return 0;
	}

	/** Each feed the page announces that is not proposed, and why: nothing announced is skipped in silence. */
	private static void printLeftOut(List<LeftOut> leftOut, PrintStream out) {
		if (leftOut.isEmpty()) {
			return;
		}
		out.println();
		out.println("Left out of what the page announces:");
		for (LeftOut link : leftOut) {
			out.println("  " + link.address() + " (" + link.type() + ")");
			out.println("    " + link.why());
		}
	}

	private static String describe(FoundFeed feed) {
		String format = formatName(feed.format());
		String title = (feed.title() != null && !feed.title().isBlank()) ? ", « " + feed.title().strip() + " »" : "";
		return format + title + ", " + feed.items() + ((feed.items() == 1) ? " item" : " items") + ", found by "
				+ feed.via();
	}

	/** {@code rss_2.0} as an operator knows it: {@code RSS 2.0}. */
	private static String formatName(String format) {
		return format.replace("rss_", "RSS ")
			.replace("atom_", "Atom ")
			.replace("json_", "JSON Feed ")
			.replace("RSS 1.0", "RSS 1.0 (RDF)");
	}

}
