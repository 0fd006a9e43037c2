package fr.manchette.dedup;

import java.util.IdentityHashMap;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * What the story matcher worked out of the headlines it lately compared (their units, see {@link MatchedHeadline}),
 * by title and by the very key the story window gave: a story's items come back as candidates again and again.
 */
final class HeadlineCache {

	private static final int CACHED_HEADLINES = 16_384;

	/** Stored headlines lately compared: a story's items come back as candidates again and again. */
	private final Cache<String, MatchedHeadline> headlines = Caffeine.newBuilder()
		.maximumSize(CACHED_HEADLINES)
		.build();

	/** The same, by the very key the index gave: no title to hash or compare. */
	private final Map<TitleKey, MatchedHeadline> byKey = new IdentityHashMap<>();

	/** An item about to be stored under this title: it comes back as a candidate for the next items of its story. */
	void put(String title, MatchedHeadline headline) {
		this.headlines.put(title, headline);
	}

	/** The headline of a candidate: the one worked out before, if it is still here. */
	MatchedHeadline of(StoryCandidate candidate) {
		TitleKey given = candidate.titleKey();
		if (given != null) {
			synchronized (this.byKey) {
				MatchedHeadline headline = this.byKey.get(given);
				if (headline == null) {
					if (this.byKey.size() >= CACHED_HEADLINES) {
						// Forget them all now and then rather than keep an order: a story's items come back soon.
						this.byKey.clear();
					}
					headline = new MatchedHeadline(given);
					this.byKey.put(given, headline);
				}
				return headline;
			}
		}
		MatchedHeadline cached = this.headlines.getIfPresent(candidate.title());
		if (cached != null) {
			return cached;
		}
		TitleKey key = candidate.titleKey();
		MatchedHeadline headline = new MatchedHeadline((key != null) ? key : TitleKey.of(candidate.title()));
		this.headlines.put(candidate.title(), headline);
		return headline;
	}

}
