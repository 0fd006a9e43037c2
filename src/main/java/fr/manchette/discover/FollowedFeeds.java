package fr.manchette.discover;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import fr.manchette.config.FeedsFileLoader;
import fr.manchette.config.InvalidFeedsFileException;
import fr.manchette.config.Source;
import org.jspecify.annotations.Nullable;

/**
 * The sources feeds.yml already has, so that what a command proposes to add takes none of their ids and repeats none
 * of their feeds. No file, or an empty one (a shell's {@code > feeds.yml} empties it before the command runs), has
 * none; a file the service would refuse has none either, and the command says so.
 *
 * @param file where feeds.yml was looked for
 * @param idsByUrl each source's id, by its url
 */
record FollowedFeeds(@Nullable Path file, Map<String, String> idsByUrl) {

	static final FollowedFeeds NONE = new FollowedFeeds(null, Map.of());

	static FollowedFeeds in(Path feedsYml, PrintStream err) {
		try {
			if (!Files.isRegularFile(feedsYml) || Files.size(feedsYml) == 0) {
				return NONE;
			}
			Map<String, String> idsByUrl = new HashMap<>();
			for (Source source : new FeedsFileLoader().load(feedsYml).feeds()) {
				idsByUrl.put(source.url().toString(), source.id());
			}
			return new FollowedFeeds(feedsYml, Map.copyOf(idsByUrl));
		}
		catch (InvalidFeedsFileException | IOException ex) {
			err.println("Note: " + feedsYml + " could not be read, so the ids proposed may be some it already has: "
					+ ex.getMessage().lines().findFirst().orElse(""));
			return NONE;
		}
	}

	Set<String> ids() {
		return Set.copyOf(this.idsByUrl.values());
	}

	/** The id of the source that follows this feed already; null when none does. */
	@Nullable String idOf(String url) {
		return this.idsByUrl.get(url);
	}

}
