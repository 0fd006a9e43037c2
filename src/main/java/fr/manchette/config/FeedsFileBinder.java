package fr.manchette.config;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import fr.manchette.config.MappingReader.Bound;
import org.jspecify.annotations.Nullable;

import org.springframework.util.unit.DataSize;

/**
 * Binds the YAML tree of feeds.yml into a {@link FeedsFile}: the top level and the {@code poll} block here, the
 * sources in {@link SourcesBinder}, the rules in {@link EditorialRulesBinder}. Every problem is collected rather than
 * the first, and every default of feeds.yml is applied in these binders, and only there.
 * <p>
 * By hand rather than with Spring's {@code Binder}, which stops at the first failure, suggests nothing for a typo,
 * and names a field by its property path rather than by the source it is in. The values themselves are read by
 * Spring's parsers ({@link MappingReader}).
 */
final class FeedsFileBinder {

	static final ZoneId DEFAULT_TIMEZONE = FeedsFile.DEFAULT_TIMEZONE;

	static final Duration DEFAULT_RETENTION = Duration.ofDays(30);

	/** The shortest {@code timeout}: less is no time to connect to a distant server. */
	static final Bound MIN_TIMEOUT = new Bound(Duration.ofSeconds(1), "1s");

	/**
	 * The longest {@code timeout}: the default {@code max-size} of 10MB still arrives at 20 KB/s. A fetch holds a worker
	 * all that time, and a source's lease lasts twice this long.
	 */
	static final Bound MAX_TIMEOUT = new Bound(Duration.ofMinutes(10), "10m");

	/**
	 * The longest {@code retention}: a century is « keep everything » for news. It keeps each cut-off (now minus the
	 * retention) a date every store holds.
	 */
	static final Bound MAX_RETENTION = new Bound(Duration.ofDays(36_500), "36500d");

	private static final List<String> TOP_KEYS = List.of("timezone", "poll", "retention", "feeds", "drop", "keep",
			"languages");

	private static final List<String> POLL_KEYS = List.of("interval", "timeout", "max-size", "adaptive",
			"max-interval");

	private final List<String> problems = new ArrayList<>();

	private final IntervalBounds intervals;

	/** @param minInterval the shortest {@code interval} the file may ask for */
	FeedsFileBinder(Duration minInterval) {
		this.intervals = new IntervalBounds(minInterval);
	}

	/** The problems found so far, in file order. */
	List<String> problems() {
		return this.problems;
	}

	/**
	 * @param root what SnakeYAML read, {@code null} for an empty file
	 * @return the bound file, or {@code null} if there is any problem
	 */
	@Nullable FeedsFile bind(@Nullable Object root) {
		if (root == null) {
			root = Map.of();
		}
		if (!(root instanceof Map<?, ?> mapping)) {
			this.problems.add("the file must be a mapping with the keys " + String.join(", ", TOP_KEYS) + " (found "
					+ MappingReader.describe(root) + ")");
			return null;
		}
		MappingReader top = new MappingReader(mapping, "", this.problems);
		top.rejectUnknownKeys(TOP_KEYS);
		ZoneId timezone = top.zone("timezone");
		if (timezone == null) {
			timezone = DEFAULT_TIMEZONE;
		}
		PollDefaults poll = poll(top.value("poll"));
		Duration retention = top.duration("retention", null, MAX_RETENTION);
		EditorialRules rules = new EditorialRulesBinder(top).bind();
		List<Source> feeds = new SourcesBinder(this.problems, this.intervals, poll, timezone).bind(top.value("feeds"));
		if (!this.problems.isEmpty()) {
			return null;
		}
		return new FeedsFile(timezone, poll, (retention != null) ? retention : DEFAULT_RETENTION, feeds, rules);
	}

	private PollDefaults poll(@Nullable Object value) {
		if (value == null) {
			return PollDefaults.DEFAULTS;
		}
		if (!(value instanceof Map<?, ?> mapping)) {
			this.problems.add("poll: must be a mapping with the keys " + String.join(", ", POLL_KEYS) + " (found "
					+ MappingReader.describe(value) + ")");
			return PollDefaults.DEFAULTS;
		}
		MappingReader poll = new MappingReader(mapping, "poll: ", this.problems);
		poll.rejectUnknownKeys(POLL_KEYS);
		Duration interval = this.intervals.interval(poll);
		Duration timeout = poll.duration("timeout", MIN_TIMEOUT, MAX_TIMEOUT);
		DataSize maxSize = poll.size("max-size");
		Boolean adaptive = poll.bool("adaptive");
		Duration maxInterval = this.intervals.maxInterval(poll);
		PollDefaults defaults = PollDefaults.DEFAULTS;
		return new PollDefaults((interval != null) ? interval : defaults.interval(),
				(timeout != null) ? timeout : defaults.timeout(), (maxSize != null) ? maxSize : defaults.maxSize(),
				(adaptive != null) ? adaptive : defaults.adaptive(),
				(maxInterval != null) ? maxInterval : defaults.maxInterval());
	}

}
