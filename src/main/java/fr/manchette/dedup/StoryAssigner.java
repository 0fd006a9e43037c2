package fr.manchette.dedup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Decides the story of each new item of one poll, once: the story of an item already stored with the same link (AMP
 * and mobile variants folded), else the story of a near-duplicate headline of another source that the
 * {@link StoryWindow} finds and the {@link StoryMatcher} accepts, else a story of its own. Reads no database: the
 * store step hands it the stories of the poll's links and keeps the window up to date.
 */
@Component
public class StoryAssigner {

	private final StoryMatcher matcher;

	private final StoryWindow window;

	public StoryAssigner(StoryMatcher matcher, StoryWindow window) {
		this.matcher = matcher;
		this.window = window;
	}

	/**
	 * @param sourceId the source polled
	 * @param fresh its items not stored before
	 * @param seenAt when they were fetched
	 * @param storiesOfLinks the story of the first item stored under each of their link keys, where there is one
	 * @return the items with their places and stories, in the same order
	 */
	public List<AssignedItem> assign(String sourceId, List<IdentifiedItem> fresh, Instant seenAt,
			Map<String, String> storiesOfLinks) {
		Map<String, String> links = new HashMap<>(storiesOfLinks);
		List<AssignedItem> assigned = new ArrayList<>(fresh.size());
		for (IdentifiedItem item : fresh) {
			Instant sortAt = sortAt(item, seenAt);
			String linkKey = item.fingerprint().linkKey();
			String story = (linkKey != null) ? links.get(linkKey) : null;
			if (story == null) {
				story = matched(sourceId, item, sortAt).orElse(item.fingerprint().storyKey());
				if (linkKey != null) {
					// A second item of this poll with the same link joins the first.
					links.put(linkKey, story);
				}
			}
			else {
				this.matcher.remember(item.item().title(), item.titleKey());
			}
			assigned.add(new AssignedItem(item, sortAt, story));
		}
		return assigned;
	}

	/**
	 * An item sorts by its publication time, never later than when first seen: a date in the future does not pin it
	 * at the top, and a new source's old items slot in by their dates.
	 */
	public static Instant sortAt(IdentifiedItem item, Instant seenAt) {
		Instant published = item.item().published();
		return published.isBefore(seenAt) ? published : seenAt;
	}

	private Optional<String> matched(String sourceId, IdentifiedItem item, Instant sortAt) {
		List<StoryCandidate> nearest = this.window.nearest(item.bands(), sortAt, sourceId);
		if (nearest.isEmpty()) {
			// Compared with nothing, but the next items of its story will be compared with it.
			this.matcher.remember(item.item().title(), item.titleKey());
			return Optional.empty();
		}
		return this.matcher.storyOf(item.item().title(), item.titleKey(), sourceId, sortAt,
				this.window.storiesOf(nearest));
	}

}
