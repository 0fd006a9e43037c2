package fr.manchette.store;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An item as stored: what the outputs are made of.
 *
 * @param lang its language, an ISO 639 code; null when unknown
 */
public record StoredItem(long id, String sourceId, String itemKey, String storyKey, @Nullable String guid,
		@Nullable String link, String title, String summaryHtml, String summaryText, List<String> categories,
		Instant publishedAt, boolean publishedKnown, Instant firstSeenAt, Instant updatedAt, Instant sortAt,
		@Nullable String lang) {

	public StoredItem {
		categories = List.copyOf(categories);
	}

	/** An item whose language is not known. */
	public StoredItem(long id, String sourceId, String itemKey, String storyKey, @Nullable String guid,
			@Nullable String link, String title, String summaryHtml, String summaryText, List<String> categories,
			Instant publishedAt, boolean publishedKnown, Instant firstSeenAt, Instant updatedAt, Instant sortAt) {
		this(id, sourceId, itemKey, storyKey, guid, link, title, summaryHtml, summaryText, categories, publishedAt,
				publishedKnown, firstSeenAt, updatedAt, sortAt, null);
	}

}
