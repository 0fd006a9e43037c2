package fr.manchette.store;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** An item as stored: what the outputs are made of. */
public record StoredItem(long id, String sourceId, String itemKey, String storyKey, @Nullable String guid,
		@Nullable String link, String title, String summaryHtml, String summaryText, List<String> categories,
		Instant publishedAt, boolean publishedKnown, Instant firstSeenAt, Instant updatedAt, Instant sortAt) {

	public StoredItem {
		categories = List.copyOf(categories);
	}

}
