package fr.manchette.store;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * What a list endpoint asks for.
 *
 * @param sources the sources to keep; null for all of them (an empty set matches nothing)
 * @param text words that must all appear in the title or summary, compared accent- and case-insensitively
 * @param since keep items sorted at or after this instant
 * @param limit at most this many stories
 * @param une when set, the stories are ranked à la une: by how many distinct sources told them from this instant on
 * (the start of the window), then newest first; when null, newest first
 * @param languages keep items in these languages (ISO 639 codes); null for any language, known or not
 * @param removed sources no longer in feeds.yml, whose items stay stored but are not listed, nor in others' stories;
 * null for none
 */
public record ItemQuery(@Nullable Set<String> sources, @Nullable String text, @Nullable Instant since, int limit,
		@Nullable Instant une, @Nullable Set<String> languages, @Nullable Set<String> removed) {

	public static final int DEFAULT_LIMIT = 50;

	public static final int MAX_LIMIT = 500;

	public ItemQuery {
		Assert.isTrue(limit >= 1 && limit <= MAX_LIMIT, "limit must be between 1 and " + MAX_LIMIT);
		sources = (sources != null) ? Set.copyOf(sources) : null;
		languages = (languages != null) ? Set.copyOf(languages) : null;
		removed = (removed != null && !removed.isEmpty()) ? Set.copyOf(removed) : null;
	}

	/** With every source listed that {@code sources} lets through. */
	public ItemQuery(@Nullable Set<String> sources, @Nullable String text, @Nullable Instant since, int limit,
			@Nullable Instant une, @Nullable Set<String> languages) {
		this(sources, text, since, limit, une, languages, null);
	}

	/** In any language. */
	public ItemQuery(@Nullable Set<String> sources, @Nullable String text, @Nullable Instant since, int limit,
			@Nullable Instant une) {
		this(sources, text, since, limit, une, null);
	}

	/** Newest first, in any language. */
	public ItemQuery(@Nullable Set<String> sources, @Nullable String text, @Nullable Instant since, int limit) {
		this(sources, text, since, limit, null, null);
	}

	public static ItemQuery latest(int limit) {
		return new ItemQuery(null, null, null, limit);
	}

	/** The same query ranked à la une, counting sources from {@code windowStart} on. */
	public ItemQuery une(Instant windowStart) {
		return new ItemQuery(this.sources, this.text, this.since, this.limit, windowStart, this.languages,
				this.removed);
	}

	/** Whether the item of this source is one the list leaves out, its source no longer in feeds.yml. */
	boolean hides(String sourceId) {
		return this.removed != null && this.removed.contains(sourceId);
	}

	List<String> words() {
		return (this.text != null) ? SearchText.words(this.text) : List.of();
	}

}
