package fr.manchette.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.manchette.config.FeedsFile;
import fr.manchette.store.StoreChanges.Change;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * One state of what is published: the store's last change, the configuration and the day in the ticker's zone, with
 * the variants asked for while it holds. A new state starts with no variant at all.
 */
final class PublishedState {

	/** Query variants kept per state; past that, those least likely to be asked for again go. */
	static final int CACHED_VARIANTS = 128;

	final Change change;

	final FeedsFile config;

	private final LocalDate day;

	/**
	 * When the day in the ticker's zone begins and ends, in epoch milliseconds: the state holds within it, and a clock
	 * set back across midnight (NTP) ends it as midnight does.
	 */
	private final long from;

	private final long until;

	/**
	 * When what is published last changed: the store's last change, or the start of this state when feeds.yml or the
	 * day moved since the state before (a source renamed, "19:35" become "16/05 19:35"). A client that revalidates
	 * with {@code If-Modified-Since} alone would otherwise be told that its copy, with the old names, is current.
	 */
	final Instant modified;

	private final Cache<String, CachedVariant> variants = Caffeine.newBuilder().maximumSize(CACHED_VARIANTS).build();

	/** @param previous the state this one follows; null for the first one */
	PublishedState(Change change, FeedsFile config, Clock clock, @Nullable PublishedState previous) {
		this.change = change;
		this.config = config;
		ZoneId zone = config.timezone();
		Instant now = clock.instant();
		this.day = LocalDate.ofInstant(now, zone);
		this.from = this.day.atStartOfDay(zone).toInstant().toEpochMilli();
		this.until = this.day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
		// At least a second past the state before: HTTP dates are whole seconds, and an edit made in the second of the
		// last change would otherwise give the same Last-Modified.
		this.modified = (previous == null || (previous.config == config && previous.day.equals(this.day)))
				? change.at()
				: latest(latest(change.at(), now), Instant.ofEpochSecond(previous.modified.getEpochSecond() + 1));
	}

	private static Instant latest(Instant one, Instant other) {
		return one.isAfter(other) ? one : other;
	}

	/** Whether this state is the one to publish from at {@code now}, in epoch milliseconds. */
	boolean holds(Change change, FeedsFile config, long now) {
		return this.change == change && this.config == config && now >= this.from && now < this.until;
	}

	/** The variant kept for this address, unless it has expired (and then it goes); null if there is none. */
	@Nullable CachedVariant variant(String key, long now) {
		CachedVariant variant = this.variants.getIfPresent(key);
		if (variant != null && variant.expired(now)) {
			this.variants.asMap().remove(key, variant);
			return null;
		}
		return variant;
	}

	/** Keeps the variant for this address, or the one another request kept first. */
	CachedVariant add(String key, CachedVariant variant) {
		CachedVariant kept = this.variants.asMap().putIfAbsent(key, variant);
		return (kept != null) ? kept : variant;
	}

	/**
	 * The validators of one variant in this state.
	 * @param version what, besides the parameters and the state, tells this variant from others
	 */
	Validators validators(String version, MultiValueMap<String, String> params) {
		String full = version + "|" + ListParameters.canonical(params) + "|" + this.change.sequence() + "|"
				+ this.modified.toEpochMilli() + "|" + this.day + "|" + System.identityHashCode(this.config);
		String etag = "\"" + Integer.toHexString(full.hashCode()) + Long.toHexString(this.modified.toEpochMilli())
				+ "\"";
		return new Validators(etag, this.modified);
	}

}
