package fr.manchette.publish;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import fr.manchette.config.CurrentFeeds;
import fr.manchette.config.FeedsFile;
import fr.manchette.config.Source;
import fr.manchette.store.ItemQuery;
import fr.manchette.store.StoredItem;
import fr.manchette.store.Story;
import fr.manchette.store.StoryQueries;
import org.springframework.stereotype.Component;

/** The latest headlines, as a French news site's "fil info" shows them, or its stories ranked à la une. */
@Component
public class Ticker {

	private final StoryQueries items;

	private final CurrentFeeds feeds;

	private final Clock clock;

	Ticker(StoryQueries items, CurrentFeeds feeds, Clock clock) {
		this.items = items;
		this.feeds = feeds;
		this.clock = clock;
	}

	public Headlines headlines(ItemQuery query) {
		FeedsFile config = this.feeds.get();
		Today today = Today.in(config.timezone(), this.clock);
		return new Headlines(config.timezone().getId(),
				this.items.stories(query).stream().map((story) -> headline(story, config, today)).toList());
	}

	/** {@code /api/stories/{id}}: every item of one story, the lead first; empty when there is no such story. */
	public Optional<StoryDetails> story(String id) {
		FeedsFile config = this.feeds.get();
		Today today = Today.in(config.timezone(), this.clock);
		return this.items.story(id).map((story) -> {
			List<StoredItem> all = new ArrayList<>();
			all.add(story.lead());
			all.addAll(story.others());
			// As in the lists: the items of a source no longer in feeds.yml are not shown.
			all.removeIf((item) -> config.source(item.sourceId()).isEmpty());
			if (all.isEmpty()) {
				return null;
			}
			StoredItem lead = all.get(0);
			List<String> sources = all.stream().map(StoredItem::sourceId).distinct().toList();
			return new StoryDetails(id, config.timezone().getId(), lead.title(), sources,
					all.stream().map((item) -> storyItem(item, item == lead, config, today)).toList());
		});
	}

	private static Headline headline(Story story, FeedsFile config, Today today) {
		StoredItem lead = story.lead();
		Source source = config.source(lead.sourceId()).orElse(null);
		ZonedDateTime at = today.at(lead.sortAt());
		return new Headline(today.shown(at), lead.title(), lead.link(), lead.sourceId(),
				ItemLabels.sourceName(source, lead.sourceId()), (source != null) ? source.category() : null,
				Today.published(at), story.alsoIn(),
				lead.storyKey(), story.sources(), lead.lang());
	}

	private static StoryDetails.StoryItem storyItem(StoredItem item, boolean lead, FeedsFile config,
			Today today) {
		Source source = config.source(item.sourceId()).orElse(null);
		ZonedDateTime at = today.at(item.sortAt());
		return new StoryDetails.StoryItem(today.shown(at), item.title(), item.link(), item.sourceId(),
				ItemLabels.sourceName(source, item.sourceId()), (source != null) ? source.category() : null,
				Today.published(at), item.summaryText(), lead);
	}

}
