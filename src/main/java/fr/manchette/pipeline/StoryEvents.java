package fr.manchette.pipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.manchette.config.WebhookSettings;
import fr.manchette.dedup.AssignedItem;
import fr.manchette.store.OutboxEvent;
import fr.manchette.store.StoryTelling;
import fr.manchette.store.WebhookOutbox;
import org.springframework.stereotype.Component;

/**
 * What a poll's new items do to their stories, for the webhooks: a story starts ({@value #NEW_STORY}), or gains its
 * third source ({@value #THIRD_SOURCE}). Recorded in the outbox in the poll's own transaction, still holding the story
 * lock, so every item stored before is in view and item ids run in the order of the polls: a story is new when none of
 * its items is older than this poll's, and had two sources before when its items older than this poll's came from two.
 * Without webhooks it costs nothing; with them, one query per 500 stories and one insert per 1 000 events of a poll
 * that stored new items (one of each for a usual poll). Stories older than {@code manchette.webhook-delivery.max-age}
 * when stored (a new source's back catalogue) are not announced.
 */
@Component
public class StoryEvents {

	static final String NEW_STORY = "story.new";

	static final String THIRD_SOURCE = "story.third-source";

	private final WebhookSettings settings;

	private final WebhookOutbox outbox;

	StoryEvents(WebhookSettings settings, WebhookOutbox outbox) {
		this.settings = settings;
		this.outbox = outbox;
	}

	/** What a poll told, gathered slice after slice, recorded once at its end. */
	Told told() {
		return new Told();
	}

	/**
	 * Records what the poll's new items did to their stories.
	 * @param seenAt when the poll fetched them
	 * @return how many deliveries it recorded
	 */
	int record(Told told, Instant seenAt) {
		if (told.recent.isEmpty()) {
			return 0;
		}
		long firstOfPoll = told.firstOfPoll;
		Map<String, List<StoryTelling>> stories = new LinkedHashMap<>();
		for (StoryTelling telling : this.outbox.tellings(told.recent)) {
			stories.computeIfAbsent(telling.storyKey(), (key) -> new ArrayList<>()).add(telling);
		}
		List<OutboxEvent> events = new ArrayList<>();
		for (List<StoryTelling> story : stories.values()) {
			String event = event(story, firstOfPoll);
			if (event != null) {
				StoryTelling lead = story.get(0);
				List<String> sources = sources(story);
				for (String hook : this.settings.ids()) {
					events.add(new OutboxEvent(hook, lead.storyKey(), event, lead.title(), lead.link(), sources,
							lead.sortAt()));
				}
			}
		}
		return this.outbox.enqueue(events, seenAt);
	}

	/** What this poll did to the story, told oldest first; null if nothing worth telling. */
	private static String event(List<StoryTelling> story, long firstOfPoll) {
		List<StoryTelling> before = story.stream().filter((telling) -> telling.itemId() < firstOfPoll).toList();
		if (before.isEmpty()) {
			return NEW_STORY;
		}
		return (sources(before).size() == 2 && sources(story).size() >= 3) ? THIRD_SOURCE : null;
	}

	private static List<String> sources(Collection<StoryTelling> tellings) {
		return tellings.stream().map(StoryTelling::sourceId).distinct().toList();
	}

	/** The stories of a poll's new items recent enough to be told, and the first id it stored. */
	final class Told {

		private final Set<String> recent = new LinkedHashSet<>();

		private long firstOfPoll = Long.MAX_VALUE;

		/**
		 * Adds one slice of the poll's new items.
		 * @param assigned the slice's new items with their stories
		 * @param ids the ids of those stored, by item key
		 * @param seenAt when the poll fetched them
		 */
		void add(List<AssignedItem> assigned, Map<String, Long> ids, Instant seenAt) {
			if (!StoryEvents.this.settings.any() || ids.isEmpty()) {
				return;
			}
			Instant oldest = seenAt.minus(StoryEvents.this.settings.webhookDelivery().maxAge());
			for (AssignedItem item : assigned) {
				if (ids.containsKey(item.identified().fingerprint().itemKey()) && !item.sortAt().isBefore(oldest)) {
					this.recent.add(item.storyKey());
				}
			}
			this.firstOfPoll = Math.min(this.firstOfPoll,
					ids.values().stream().mapToLong(Long::longValue).min().orElseThrow());
		}

	}

}
