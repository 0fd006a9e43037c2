package fr.manchette.store;

import java.util.List;

/**
 * One story: the item shown (its lead, the first stored of those matching the query) and the items of the other
 * sources that told it, oldest first.
 */
public record Story(StoredItem lead, List<StoredItem> others) {

	public Story {
		others = List.copyOf(others);
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
