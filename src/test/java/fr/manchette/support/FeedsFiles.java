package fr.manchette.support;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import fr.manchette.config.FeedsFile;
import fr.manchette.config.PollDefaults;
import fr.manchette.config.Source;
import fr.manchette.config.SourceType;
import org.jspecify.annotations.Nullable;

/**
 * The settings of a feeds.yml as the loader gives them, built without a file: for tests of a stage that reads the
 * sources' names and categories or the timezone, and no other setting.
 */
public final class FeedsFiles {

	private FeedsFiles() {
	}

	/** A feeds.yml with a {@code timezone} and these {@code feeds}, everything else by default. */
	public static FeedsFile inZone(String timezone, Source... feeds) {
		return new FeedsFile(ZoneId.of(timezone), PollDefaults.DEFAULTS, Duration.ofDays(30), List.of(feeds));
	}

	/** A feed source with an {@code id}, a {@code name} and a {@code category}, at https://ID.example/feed. */
	public static Source source(String id, String name, @Nullable String category) {
		return new Source(id, name, URI.create("https://" + id + ".example/feed"), category, Duration.ofMinutes(15),
				true, SourceType.FEED);
	}

}
