package fr.manchette.discover;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import fr.manchette.config.FeedsFileLoader;
import fr.manchette.config.InvalidFeedsFileException;
import fr.manchette.config.ShownUrl;
import fr.manchette.config.Source;

/**
 * The sources feeds.yml already has, so that what a command proposes to add takes none of their ids and repeats none
 * of their feeds. No file, or an empty one (a shell's {@code > feeds.yml} empties it before the command runs), has
 * none; a file the service would refuse has none either, and the command says so.
 *
 * @param idsByUrl each source's id, by its url and by its url as Manchette shows it ({@link ShownUrl})
 */
record FollowedFeeds(Map<String, String> idsByUrl) {

	static final FollowedFeeds NONE = new FollowedFeeds(Map.of());

	static FollowedFeeds in(Path feedsYml, PrintStream err) {
		try {
			if (!Files.isRegularFile(feedsYml) || Files.size(feedsYml) == 0) {
				return NONE;
			}
			Map<String, String> idsByUrl = new HashMap<>();
			for (Source source : new FeedsFileLoader().load(feedsYml).feeds()) {
				idsByUrl.put(source.url().toString(), source.id());
				// As its /opml shows it, its key masked: the same feed, when that list comes back.
				idsByUrl.putIfAbsent(ShownUrl.of(source.url().toString()), source.id());
			}
			return new FollowedFeeds(Map.copyOf(idsByUrl));
		}
		catch (InvalidFeedsFileException ex) {
			// Its problems, not its message: that one's first line names the file and ends before the reasons.
			return unread(feedsYml, String.join("; ", ex.problems()), err);
		}
		catch (IOException ex) {
			return unread(feedsYml, String.valueOf(ex.getMessage()), err);
		}
	}

	private static FollowedFeeds unread(Path feedsYml, String why, PrintStream err) {
		err.println("Note: " + feedsYml + " could not be read, so the ids proposed may be some it already has: " + why);
		return NONE;
	}

	Set<String> ids() {
		return Set.copyOf(this.idsByUrl.values());
	}

	/** Why a feed is not proposed when a source follows it already ({@code type}: its format); empty otherwise. */
	Optional<LeftOut> asLeftOut(URI url, String type) {
		String id = this.idsByUrl.get(url.toString());
		return (id != null) ? Optional.of(new LeftOut(url.toString(), type, "already in feeds.yml as " + id))
				: Optional.empty();
	}

}
