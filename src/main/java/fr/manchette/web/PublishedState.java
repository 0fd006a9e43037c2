package fr.manchette.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Predicate;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.manchette.config.FeedsFile;
import fr.manchette.store.StoreChanges;
import fr.manchette.store.StoreChanges.Change;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * One state of what is published: the store's latest change, the configuration and the day in the ticker's zone, with
 * the variants asked for while it holds. A new state starts with no variant at all.
 * <p>
 * Its validators are a function of what it publishes, the same on every instance that publishes it: the store's
 * change (its number and date, recorded in the store), the configuration and the day ({@code what}), the variant.
 */
final class PublishedState {

	/** Query variants kept per state; past that, those least likely to be asked for again go. */
	static final int CACHED_VARIANTS = 128;

	final Change change;

	final FeedsFile config;

	/** What, besides the store, it publishes: a digest of the configuration and the day. */
	private final String what;

	private final LocalDate day;

	/**
	 * When the day in the ticker's zone begins and ends, in epoch milliseconds: the state holds within it, and a clock
	 * set back across midnight (NTP) ends it as midnight does.
	 */
	private final long from;

	private final long until;

	/**
	 * Its Last-Modified, a date that tells it from every state answered before; null, and only the ETag validates, when
	 * there is none. The date of the store's change (which a new configuration or day moves), but none when the store
	 * dated another configuration or day (another instance's feeds.yml, edited first; this one's, not recorded), nor
	 * when the change shares its date with the one before (three changes in a second) and an earlier state may have
	 * been answered with it, until the second after, which {@code StoreChanges.Change#next} gives no other change, is
	 * its own: two seconds after that date, once every change made in its second is seen.
	 */
	private final @Nullable Instant modified;

	/** When, in epoch milliseconds, a state without a date may have one: it ends then. */
	private final long datedAgainFrom;

	/** The second of the latest earlier state that may have answered a client: the dates clients may hold. */
	private final long answeredBefore;

	/** Whether this state answered a client, telling it its date if it has one. */
	private volatile boolean answered;

	private final Cache<String, CachedVariant> variants = Caffeine.newBuilder()
		.maximumSize(CACHED_VARIANTS)
		.recordStats()
		.build();

	/**
	 * The address last answered and its variant, looked at before the cache: clients that poll one feed ask the same
	 * address over and over, and the cache's lookup (hashing the address, recording the read for its eviction policy)
	 * was a sixth of a cached 304's own work on 2 cores.
	 */
	private volatile @Nullable Answered last;

	/**
	 * @param what what, besides the store, it publishes: a digest of the configuration and the day
	 * @param othersAnswer whether other instances serve from the store too: then only the store says whether this
	 * state's date was answered for another state
	 * @param answeredBefore the second of the latest date an earlier state may have answered with
	 * @param seen whether every change made before an instant is seen (see {@link StoreChanges#seenSince})
	 */
	PublishedState(Change change, FeedsFile config, String what, boolean othersAnswer, Clock clock,
			long answeredBefore, Predicate<Instant> seen) {
		this.change = change;
		this.config = config;
		this.what = what;
		ZoneId zone = config.timezone();
		this.day = day(config, clock);
		this.from = this.day.atStartOfDay(zone).toInstant().toEpochMilli();
		this.until = this.day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
		this.answeredBefore = answeredBefore;
		long second = change.at().getEpochSecond();
		boolean ambiguous = change.dateShared() && (othersAnswer || answeredBefore >= second);
		long apart = (second + 2) * 1000;
		long now = clock.millis();
		if (!what.equals(change.published())) {
			this.modified = null;
		}
		else if (!ambiguous) {
			this.modified = change.at();
		}
		else if (now >= apart && seen.test(Instant.ofEpochMilli(apart))) {
			this.modified = Instant.ofEpochSecond(second + 1);
		}
		else {
			this.modified = null;
		}
		this.datedAgainFrom = (this.modified != null) ? Long.MAX_VALUE
				: Math.max(apart, now + StoreChanges.LOOK_EVERY.toMillis());
	}

	/** The second of the latest date this state or one before it may have answered with. */
	long answeredUntil() {
		return (this.answered && this.modified != null) ? this.modified.getEpochSecond() : this.answeredBefore;
	}

	/**
	 * Notes that this state is answering a client; before it is checked to hold, so that a state that follows it
	 * either sees the note or is the state the client gets.
	 */
	void answering() {
		// Read first: a volatile write on every answer would be a cache line bounced between the cores serving.
		if (!this.answered) {
			this.answered = true;
		}
	}

	/** The day in the configuration's zone, now. */
	static LocalDate day(FeedsFile config, Clock clock) {
		return LocalDate.ofInstant(clock.instant(), config.timezone());
	}

	/** Whether this state is the one to publish from at {@code now}, in epoch milliseconds. */
	boolean holds(Change change, FeedsFile config, long now) {
		return this.change.equals(change) && this.config == config && now >= this.from && now < this.until
				&& now < this.datedAgainFrom;
	}

	/** The variant kept for this address, unless it has expired (and then it goes); null if there is none. */
	@Nullable CachedVariant variant(String key, long now) {
		Answered last = this.last;
		CachedVariant variant = (last != null && last.key().equals(key)) ? last.variant()
				: this.variants.getIfPresent(key);
		if (variant != null && variant.expired(now)) {
			this.variants.asMap().remove(key, variant);
			if (last != null && last.variant() == variant) {
				this.last = null;
			}
			return null;
		}
		if (variant != null && (last == null || last.variant() != variant)) {
			this.last = new Answered(key, variant);
		}
		return variant;
	}

	/** Keeps the variant for this address, or the one another request kept first. */
	CachedVariant add(String key, CachedVariant variant) {
		CachedVariant kept = this.variants.asMap().putIfAbsent(key, variant);
		CachedVariant answered = (kept != null) ? kept : variant;
		this.last = new Answered(key, answered);
		return answered;
	}

	/** How many times the cache of variants was looked in: the address last answered is found without it. */
	long cacheLookups() {
		return this.variants.stats().requestCount();
	}

	private record Answered(String key, CachedVariant variant) {
	}

	/**
	 * The validators of one variant in this state.
	 * @param version what, besides the parameters and the state, tells this variant from others
	 */
	Validators validators(String version, MultiValueMap<String, String> params) {
		// The change's own date, not the Last-Modified: a date told apart later is the same version.
		long at = this.change.at().toEpochMilli();
		String full = version + "|" + ListParameters.canonical(params) + "|" + this.change.sequence() + "|" + at + "|"
				+ this.what;
		String etag = "\"" + Integer.toHexString(full.hashCode()) + Long.toHexString(at) + "\"";
		return new Validators(etag, this.modified);
	}

}
