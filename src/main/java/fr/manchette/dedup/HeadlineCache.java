package fr.manchette.dedup;

import java.util.IdentityHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What the story matcher worked out of the headlines it lately compared (their units, see {@link MatchedHeadline}),
 * by title and by the very key the story window gave: a story's items come back as candidates again and again.
 * <p>
 * By title, the least recently used is forgotten first, or nearly (see {@link RecentTitles}). The candidates of an
 * item are the headlines stored just before it, each put here once when it was stored: a cache that admits by
 * frequency (as Caffeine's does) turned most of them away in favour of older headlines asked for more often, and had
 * their title keys worked out again when they came back, at some 50 µs each, about once per item on a cold pass of
 * 1000 feeds.
 */
final class HeadlineCache {

	/**
	 * As many as the window holds on a cold pass of 1000 sources (some 30 000 headlines): with half that, one
	 * candidate in twenty came back forgotten and had its key worked out again, a sixth of the story step's CPU, for
	 * some 9 MB saved.
	 */
	static final int CACHED_HEADLINES = 32_768;

	/**
	 * Stored headlines lately compared or stored, by title: a {@link MatchedHeadline}, or only the {@link TitleKey} of
	 * an item stored without being compared, its units worked out when it first comes back.
	 */
	private final RecentTitles byTitle = new RecentTitles(CACHED_HEADLINES);

	/** The same, by the very key the index gave: no title to hash or compare. */
	private final Map<TitleKey, MatchedHeadline> byKey = new IdentityHashMap<>();

	/** The units of single words, shared by the headlines kept here. */
	private final WordUnits units = new WordUnits();

	/** What the matcher works out of a headline it keeps: the units of its words shared with the others. */
	MatchedHeadline matched(TitleKey key) {
		return new MatchedHeadline(key, this.units);
	}

	/** An item about to be stored under this title: it comes back as a candidate for the next items of its story. */
	void put(String title, MatchedHeadline headline) {
		synchronized (this.byTitle) {
			this.byTitle.put(title, headline);
		}
	}

	/**
	 * An item about to be stored under this title without being compared (no stored headline near it): its key is
	 * kept, and its units worked out only if it comes back as a candidate.
	 */
	void put(String title, TitleKey key) {
		synchronized (this.byTitle) {
			this.byTitle.putIfAbsent(title, key);
		}
	}

	/** The headline of a candidate: the one worked out before, if it is still here. */
	MatchedHeadline of(StoryCandidate candidate) {
		return of(candidate.title(), candidate.titleKey());
	}

	/** The same for a candidate's title, and its key when the lookup had it at hand. */
	MatchedHeadline of(String title, @Nullable TitleKey given) {
		if (given != null) {
			synchronized (this.byKey) {
				MatchedHeadline headline = this.byKey.get(given);
				if (headline == null) {
					if (this.byKey.size() >= CACHED_HEADLINES) {
						// Forget them all now and then rather than keep an order: a story's items come back soon.
						this.byKey.clear();
					}
					headline = matched(given);
					this.byKey.put(given, headline);
				}
				return headline;
			}
		}
		Object cached;
		synchronized (this.byTitle) {
			cached = this.byTitle.get(title);
		}
		if (cached instanceof MatchedHeadline headline) {
			return headline;
		}
		// Worked out outside the lock: the same title always gives the same headline, whoever puts it last.
		MatchedHeadline headline = matched((cached instanceof TitleKey key) ? key : TitleKey.of(title));
		put(title, headline);
		return headline;
	}

}
