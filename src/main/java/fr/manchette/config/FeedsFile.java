package fr.manchette.config;

import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The operator's feeds.yml, bound and validated. Every default is already applied.
 * <p>
 * A class, not a record, for one reason: its sources are also kept by id, worked out once per loaded file, since
 * every rendered item and every claimed poll asks for its source by id (a walk of 1000 sources each time).
 */
public final class FeedsFile {

	/** The zone of a file that names none. */
	public static final ZoneId DEFAULT_TIMEZONE = ZoneId.of("Europe/Paris");

	private final ZoneId timezone;

	private final PollDefaults poll;

	private final Duration retention;

	private final List<Source> feeds;

	private final EditorialRules rules;

	private final Map<String, Source> byId;

	private final List<Source> enabled;

	/**
	 * @param timezone the zone in which the ticker shows times ({@code timezone}, default Europe/Paris)
	 * @param poll defaults for every source ({@code poll})
	 * @param retention how long items are kept ({@code retention}, default 30d)
	 * @param feeds the sources, in file order ({@code feeds})
	 * @param rules what every source's items go through: {@code drop}, {@code keep}, {@code languages} at the top
	 */
	public FeedsFile(ZoneId timezone, PollDefaults poll, Duration retention, List<Source> feeds,
			EditorialRules rules) {
		this.timezone = timezone;
		this.poll = poll;
		this.retention = retention;
		this.feeds = List.copyOf(feeds);
		this.rules = rules;
		Map<String, Source> byId = new HashMap<>();
		for (Source source : this.feeds) {
			// The first of a repeated id, as a walk of the list would find (the binder refuses repeated ids).
			byId.putIfAbsent(source.id(), source);
		}
		this.byId = byId;
		this.enabled = this.feeds.stream().filter(Source::enabled).toList();
	}

	/** A file without file-wide rules. */
	public FeedsFile(ZoneId timezone, PollDefaults poll, Duration retention, List<Source> feeds) {
		this(timezone, poll, retention, feeds, EditorialRules.NONE);
	}

	public ZoneId timezone() {
		return this.timezone;
	}

	public PollDefaults poll() {
		return this.poll;
	}

	public Duration retention() {
		return this.retention;
	}

	/** The sources, in file order. */
	public List<Source> feeds() {
		return this.feeds;
	}

	public EditorialRules rules() {
		return this.rules;
	}

	/** The sources to poll, in file order. */
	public List<Source> enabledFeeds() {
		return this.enabled;
	}

	/** The source of this id, enabled or not. */
	public Optional<Source> source(String id) {
		return Optional.ofNullable(this.byId.get(id));
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof FeedsFile that) && this.timezone.equals(that.timezone) && this.poll.equals(that.poll)
				&& this.retention.equals(that.retention) && this.feeds.equals(that.feeds)
				&& this.rules.equals(that.rules);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.timezone, this.poll, this.retention, this.feeds, this.rules);
	}

	@Override
	public String toString() {
		return "FeedsFile[timezone=" + this.timezone + ", poll=" + this.poll + ", retention=" + this.retention
				+ ", feeds=" + this.feeds + ", rules=" + this.rules + "]";
	}

}
