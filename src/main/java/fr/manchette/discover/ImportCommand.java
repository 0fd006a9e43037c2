package fr.manchette.discover;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import fr.manchette.config.CommandSettings;
import fr.manchette.config.ShownUrl;

/**
 * {@code java -jar manchette.jar import subscriptions.opml}: prints a feeds.yml of the feeds that a feed reader's
 * OPML export lists, each folder a category, to start from or to add to: the feeds feeds.yml already follows are
 * left out, and its ids are not proposed again. Reads the files only: nothing is fetched (a list of two hundred feeds
 * would take minutes; the service says which fail once it runs).
 */
public final class ImportCommand {

	public static final String NAME = "import";

	/** Larger than any subscription list; what is larger is no list to read whole. */
	static final long MAX_SIZE = 10L * 1024 * 1024;

	private static final String USAGE = "Usage: java -jar manchette.jar import FILE.opml\n"
			+ "Prints a feeds.yml of the feeds the OPML file lists (a feed reader's export), each folder a category.";

	private ImportCommand() {
	}

	/** Runs the command with the arguments that follow {@code import}; returns the process's exit status. */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		return run(args, out, err, System.getenv());
	}

	/** With the environment in which the service's settings say where feeds.yml is ({@code MANCHETTE_FEEDS}). */
	static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> environment) {
		if (args.length != 1 || args[0].startsWith("-")) {
			boolean help = args.length == 1 && (args[0].equals("-h") || args[0].equals("--help"));
			(help ? out : err).println(USAGE);
			return help ? 0 : 2;
		}
		Path file = Path.of(args[0]);
		OpmlSubscriptions.Read read;
		try {
			if (Files.size(file) > MAX_SIZE) {
				err.println(file + ": larger than " + MAX_SIZE / (1024 * 1024) + " MB, not a subscription list");
				return 1;
			}
			read = OpmlSubscriptions.read(Files.readAllBytes(file));
		}
		catch (NoSuchFileException ex) {
			err.println(file + ": no such file");
			return 1;
		}
		catch (IOException ex) {
			err.println(file + ": cannot be read (" + ex.getMessage() + ")");
			return 1;
		}
		catch (DiscoveryException ex) {
			err.println(file + ": " + ex.getMessage());
			return 1;
		}
		FollowedFeeds followed;
		try {
			followed = FollowedFeeds.in(CommandSettings.read(environment, Map.of()).feeds(), err);
		}
		catch (IllegalArgumentException ex) {
			err.println(ex.getMessage());
			return 2;
		}
		List<OpmlSubscriptions.Subscription> feeds = new ArrayList<>();
		List<LeftOut> leftOut = new ArrayList<>(read.leftOut());
		for (OpmlSubscriptions.Subscription feed : read.feeds()) {
			followed.asLeftOut(feed.url(), "outline").ifPresentOrElse(leftOut::add, () -> feeds.add(feed));
		}
		for (LeftOut left : leftOut) {
			err.println("Left out: " + left.address() + " (" + left.why() + ")");
		}
		List<String> used = new ArrayList<>(followed.ids());
		List<String> entries = new ArrayList<>();
		int masked = 0;
		for (OpmlSubscriptions.Subscription feed : feeds) {
			String name = (feed.title() != null) ? feed.title() : feed.url().getHost();
			FeedsYmlEntry entry = FeedsYmlEntry.next(feed.url(), feed.url().getHost(), name, feed.folder(), used);
			// Manchette's own /opml hides its sources' keys: polled as it is, such an address fails every time.
			String hidden = String.join(", ", ShownUrl.hiddenNames(feed.url().toString()));
			if (hidden.isEmpty()) {
				entries.add(entry.yaml());
				continue;
			}
			masked++;
			err.println("Commented out: " + feed.url() + " (the value of " + hidden + " was masked as "
					+ ShownUrl.HIDDEN + " where the list was made: write the real one in by hand, then uncomment it)");
			entries.add(entry.yamlCommentedOut("The value of " + hidden + " was masked: write the real one in, then"
					+ " uncomment."));
		}
		int toAdd = feeds.size() - masked;
		if (toAdd == 0) {
			err.println(file + ": no feed to add (" + (read.feeds().isEmpty() ? "no <outline> with an xmlUrl"
					: (masked == 0) ? "feeds.yml follows all of them"
							: "the credentials of those it does not follow were masked: printed commented out")
					+ ")");
			if (masked == 0) {
				return 1;
			}
		}
		out.println("# " + toAdd + ((toAdd == 1) ? " feed" : " feeds") + " from " + file.getFileName()
				+ ((masked > 0) ? ", and " + masked + " commented out whose credential was masked" : "")
				+ ". To add to a feeds.yml, append the lines after \"feeds:\" to its own.");
		out.println("feeds:");
		entries.forEach(out::print);
		return (toAdd > 0) ? 0 : 1;
	}

}
