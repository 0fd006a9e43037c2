package fr.manchette.config;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The operator's feeds.yml, bound and validated. Every default is already applied.
 *
 * @param timezone the zone in which the ticker shows times ({@code timezone}, default Europe/Paris)
 * @param poll defaults for every source ({@code poll})
 * @param retention how long items are kept ({@code retention}, default 30d)
 * @param feeds the sources, in file order ({@code feeds})
 * @param rules what every source's items go through: {@code drop}, {@code keep}, {@code languages} at the top
 */
public record FeedsFile(ZoneId timezone, PollDefaults poll, Duration retention, List<Source> feeds,
		EditorialRules rules) {

	/** The zone of a file that names none. */
	public static final ZoneId DEFAULT_TIMEZONE = ZoneId.of("Europe/Paris");

	public FeedsFile {
		feeds = List.copyOf(feeds);
	}

	/** A file without file-wide rules. */
	public FeedsFile(ZoneId timezone, PollDefaults poll, Duration retention, List<Source> feeds) {
		this(timezone, poll, retention, feeds, EditorialRules.NONE);
	}

	/** The sources to poll, in file order. */
	public List<Source> enabledFeeds() {
		return this.feeds.stream().filter(Source::enabled).toList();
	}

	public Optional<Source> source(String id) {
		return this.feeds.stream().filter((source) -> source.id().equals(id)).findFirst();
	}

}
