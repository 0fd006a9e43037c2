package fr.manchette.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import fr.manchette.config.FeedsFile;
import fr.manchette.config.UneSettings;
import fr.manchette.store.ItemQuery;
import fr.manchette.store.SourceStatusRepository;
import fr.manchette.store.StoryQueries;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

/**
 * Reads what a list endpoint is asked for ({@link ListParameters}), and for a list ranked à la une, the window it is
 * ranked on. Such a list changes with the clock as well as with the store: a story's sources stop counting as they
 * leave the window. Until the first item of the window leaves it, though, moving the window on changes nothing in
 * what it holds; so a ranked document is as good as the store's state until then, and says so.
 */
@Component
class ListRequests {

	private final StoryQueries items;

	private final SourceStatusRepository statuses;

	private final Duration window;

	private final Clock clock;

	ListRequests(StoryQueries items, SourceStatusRepository statuses, UneSettings une, Clock clock) {
		this.items = items;
		this.statuses = statuses;
		this.window = une.window();
		this.clock = clock;
	}

	/**
	 * Checks the parameters (a {@link BadQueryException} if one is wrong) and says what to list.
	 * @param config the configuration the sources and categories asked for are checked against
	 */
	ListRequest read(MultiValueMap<String, String> params, FeedsFile config) {
		ItemQuery query = ListParameters.parse(params, config, this.statuses.itemCounts().keySet());
		if (!ListParameters.une(params)) {
			return new ListRequest(query, false, "", null);
		}
		Instant from = this.clock.instant().minus(this.window);
		Optional<Instant> first = this.items.firstSortedSince(from);
		// An empty window stays empty until the store changes, which starts a new state anyway.
		return new ListRequest(query.une(from), true,
				"|une:" + first.map((at) -> Long.toString(at.toEpochMilli())).orElse("none"),
				first.map((at) -> at.plus(this.window)).orElse(null));
	}

	/**
	 * @param query what to list
	 * @param une whether it is ranked à la une
	 * @param version what tells this ranking from others in the same state of the store: its window's first item
	 * @param until when the ranking may change without the store changing; null if it cannot
	 */
	record ListRequest(ItemQuery query, boolean une, String version, @Nullable Instant until) {
	}

}
