package fr.manchette.config;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What goes into the merged feed: {@code drop}, {@code keep} and {@code languages} of feeds.yml, file-wide or under
 * one source.
 *
 * @param drop an item matching any of these is dropped ({@code drop})
 * @param keep when not empty, an item must match one of these ({@code keep})
 * @param languages when not null, only items in these languages are kept, ISO 639-1 codes ({@code languages})
 */
public record EditorialRules(List<ItemRule> drop, List<ItemRule> keep, @Nullable List<String> languages) {

	/** No rule: every item is kept. */
	public static final EditorialRules NONE = new EditorialRules(List.of(), List.of(), null);

	public EditorialRules {
		drop = List.copyOf(drop);
		keep = List.copyOf(keep);
		languages = (languages != null) ? List.copyOf(languages) : null;
	}

	public boolean isEmpty() {
		return this.drop.isEmpty() && this.keep.isEmpty() && this.languages == null;
	}

}
