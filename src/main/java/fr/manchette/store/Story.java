package fr.manchette.store;

import java.util.List;

/**
 * One story: the item shown (its lead, the first stored of those matching the query) and the items of the other
 * sources that told it, oldest first.
 *
 * @param sources how many distinct sources told it: all of them, or those within the window of a list ranked à la une
 */
public record Story(StoredItem lead, List<StoredItem> others, int sources) {

	public Story {
		others = List.copyOf(others);
	}

	/** A story as every source that told it counts. */
	public Story(StoredItem lead, List<StoredItem> others) {
		this(lead, others, 1 + (int) others.stream()
			.map(StoredItem::sourceId)
			.filter((source) -> !source.equals(lead.sourceId()))
			.distinct()
			.count());
	}

	/** The ids of the other sources that told it, each once, in the order they told it. */
	public List<String> alsoIn() {
		return this.others.stream()
			.map(StoredItem::sourceId)
			.filter((source) -> !source.equals(this.lead.sourceId()))
			.distinct()
			.toList();
	}

}
