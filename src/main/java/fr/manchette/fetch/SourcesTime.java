package fr.manchette.fetch;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The time as the sources' servers tell it, in the {@code Date} header of every answer: what retention counts from
 * when this machine's clock runs more than a day ahead of theirs. A clock set a year forward (a board without a
 * battery-backed clock, a wrong NTP server) would otherwise have the hourly prune delete the whole store, and every
 * poll refuse what the sources publish as older than retention. Each host counts once (its latest answer), and the
 * median of them decides, so that one server with a wrong clock changes nothing. Only ever earlier than the clock:
 * what the sources say can make retention keep more, never delete more. A clock far behind theirs (see
 * {@link #seen}) dates what is seen by their time instead.
 */
public class SourcesTime {

	private static final Logger log = LoggerFactory.getLogger(SourcesTime.class);

	/** Less than this ahead is a clock to keep in step, not a wrong one; retention counts from it. */
	static final Duration TOLERANCE = Duration.ofDays(1);

	/** No clock that runs this code reads earlier: it was written after. */
	static final Instant WRITTEN = Instant.parse("2026-01-01T00:00:00Z");

	/** Enough hosts for a median; beyond it a new host replaces none (the latest answer of each known one still does). */
	static final int MAX_HOSTS = 1024;

	/** Longer than any cache keeps an answer; beyond it, adding it to the date could overflow what an instant holds. */
	private static final Duration MAX_AGE = Duration.ofDays(365);

	private final Clock clock;

	/** By host: how far this machine's clock was ahead of the host's at its latest answer (negative when behind). */
	private final Map<String, Duration> ahead = new ConcurrentHashMap<>();

	private volatile boolean warned;

	private volatile boolean warnedBehind;

	public SourcesTime(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Notes what an answer of {@code url} said the time was: its {@code Date}, plus its {@code Age} when a cache kept
	 * it that long. An answer without a readable date says nothing.
	 */
	void heard(URI url, @Nullable String date, @Nullable String age) {
		String host = url.getHost();
		Instant said = (date != null) ? HttpDate.parse(date) : null;
		long kept = seconds(age);
		if (host == null || said == null || kept < 0) {
			return;
		}
		Duration offset = Duration.between(said.plusSeconds(kept), this.clock.instant());
		String key = host.toLowerCase(Locale.ROOT);
		if (this.ahead.size() < MAX_HOSTS || this.ahead.containsKey(key)) {
			this.ahead.put(key, offset);
		}
	}

	/**
	 * {@code now}, or as much earlier as this machine's clock runs ahead of the sources' when that is more than
	 * {@link #TOLERANCE}: the instant retention counts back from.
	 */
	public Instant correct(Instant now) {
		Duration ahead = ahead();
		if (ahead.compareTo(TOLERANCE) <= 0) {
			if (this.warned) {
				this.warned = false;
				log.info("The clock is in step with the sources' again: retention counts from it");
			}
			return now;
		}
		if (!this.warned) {
			this.warned = true;
			log.warn("The clock runs {} s ahead of the sources' (the median of hosts={} by their Date header): "
					+ "retention counts from their time, not from it", ahead.toSeconds(), this.ahead.size());
		}
		return now.minus(ahead);
	}

	/**
	 * When items are seen: {@code now}, or as much later as this machine's clock runs behind the sources' when that is
	 * more than {@link #TOLERANCE} and at least two hosts say so. A board that boots in 1970 and polls before NTP
	 * answers would otherwise take every dated item for one from the future and date it, as it dates undated ones,
	 * with its own clock: at the bottom of the ticker, then pruned once the clock is right, then new again. One host
	 * is not enough, unless the clock reads a time before this code was written: a single server whose clock runs
	 * ahead would date undated items in its future, on top of the ticker until then.
	 */
	public Instant seen(Instant now) {
		Duration ahead = ahead();
		if (ahead.negated().compareTo(TOLERANCE) <= 0 || (this.ahead.size() < 2 && !now.isBefore(WRITTEN))) {
			if (this.warnedBehind) {
				this.warnedBehind = false;
				log.info("The clock is in step with the sources' again: items are dated by it");
			}
			return now;
		}
		if (!this.warnedBehind) {
			this.warnedBehind = true;
			log.warn("The clock runs {} s behind the sources' (the median of hosts={} by their Date header): "
					+ "items are dated by their time, not by it", ahead.negated().toSeconds(), this.ahead.size());
		}
		return now.minus(ahead);
	}

	/**
	 * The median of how far this clock runs ahead of each host's (negative when behind); zero when no host said. Of
	 * an even count, the middle one nearer zero: the smaller correction, which both middle hosts ask for at least.
	 */
	Duration ahead() {
		long[] seconds = this.ahead.values().stream().mapToLong(Duration::toSeconds).toArray();
		if (seconds.length == 0) {
			return Duration.ZERO;
		}
		Arrays.sort(seconds);
		long lower = seconds[(seconds.length - 1) / 2];
		long upper = seconds[seconds.length / 2];
		return Duration.ofSeconds((Math.abs(upper) < Math.abs(lower)) ? upper : lower);
	}

	/** The answer's {@code Age}: 0 without one or when unreadable, -1 when beyond any cache's (the answer lies). */
	private static long seconds(@Nullable String age) {
		if (age == null) {
			return 0;
		}
		try {
			long seconds = Long.parseLong(age.trim());
			return (seconds > MAX_AGE.toSeconds()) ? -1 : Math.max(0, seconds);
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
