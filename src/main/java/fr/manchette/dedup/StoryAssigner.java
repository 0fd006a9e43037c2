package fr.manchette.dedup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Decides the story of each new item of one poll, once: the story of an item already stored with the same link (AMP
 * and mobile variants folded), else the story of a near-duplicate headline of another source that the
 * {@link StoryWindow} finds and the {@link StoryMatcher} accepts, else a story of its own. Reads no database: the
 * store step hands it the stories of the poll's links and keeps the window up to date.
 * <p>
 * The store step decides under the store's story lock, which every poll of every instance waits for, so the matcher
 * (the costly part) first runs without it, on a {@link #draft}: for each item, the stories the window gave and the
 * matcher's answer. Under the lock, the window brought up to date, an item whose lookup none of the headlines added
 * since could enter (none shares one of its bands within its window and from another source), and none of whose
 * stories they joined, would be looked up the same: its answer stands. Any other item is
 * looked up again, and its answer reused only when its stories are the very same; else the matcher runs again. After
 * any other change of the window (a load, a reach back, an edit, a compaction) every item is looked up again. The
 * matcher's answer depends on nothing else, so the stories decided are those a decision taken wholly under the lock
 * would give.
 * <p>
 * Both run a check before each item, which ends them by throwing: a poll of thousands of new items takes seconds
 * here, and the service's stop may give up waiting for it (the store step's check reads a field of its thread).
 */
@Component
public class StoryAssigner {

	/**
	 * The stories of one lookup, kept by each thread from one item to the next (some 4 kB of arrays, which a poll of
	 * one item would otherwise make for itself); they hold the strings of the last lookup until the next.
	 */
	private static final ThreadLocal<FoundStories> FOUND = ThreadLocal.withInitial(FoundStories::forWindow);

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
		return assign(sourceId, fresh, seenAt, storiesOfLinks, Draft.NONE, () -> {
		});
	}

	/**
	 * What the window and the matcher make of each of these items now: to decide before taking the story lock, and
	 * check under it. Items of the same poll do not see each other here, as in {@link #assign}.
	 * @param check run before each item: what it throws ends the draft
	 */
	public Draft draft(String sourceId, List<IdentifiedItem> fresh, Instant seenAt, Runnable check) {
		// Before the lookups: a headline added while they run counts as added after the draft.
		StoryWindow.Mark mark = this.window.mark();
		List<Drafted> drafted = new ArrayList<>(fresh.size());
		// One lookup's stories at a time, written over by the next item's: the draft keeps a copy in arrays.
		FoundStories stories = FOUND.get();
		for (IdentifiedItem item : fresh) {
			check.run();
			Instant sortAt = sortAt(item, seenAt);
			candidates(sourceId, item, sortAt, stories);
			drafted.add(new Drafted(DraftedStories.of(stories), matched(sourceId, item, sortAt, stories)));
		}
		return new Draft(drafted, mark);
	}

	/**
	 * The same, reusing a draft's answer for each item whose stories in the window are still those of the draft.
	 * @param draft a {@link #draft} of the same items, or {@link Draft#NONE}
	 * @param check run before each item: what it throws ends the assignment
	 */
	public List<AssignedItem> assign(String sourceId, List<IdentifiedItem> fresh, Instant seenAt,
			Map<String, String> storiesOfLinks, Draft draft, Runnable check) {
		Map<String, String> links = new HashMap<>(storiesOfLinks);
		List<AssignedItem> assigned = new ArrayList<>(fresh.size());
		StoryWindow.Added added = (draft.mark != null) ? this.window.addedSince(draft.mark) : null;
		FoundStories stories = FOUND.get();
		for (int i = 0; i < fresh.size(); i++) {
			check.run();
			IdentifiedItem item = fresh.get(i);
			Instant sortAt = sortAt(item, seenAt);
			String linkKey = item.fingerprint().linkKey();
			String story = (linkKey != null) ? links.get(linkKey) : null;
			if (story == null) {
				Drafted drafted = draft.of(i, fresh.size());
				Optional<String> matched;
				if (drafted != null && added != null
						&& !added.touches(item.bands(), sortAt, sourceId, drafted.stories())) {
					// Nothing added since could enter its lookup or joined one of its stories: the lookup is the same.
					matched = drafted.matched();
				}
				else {
					candidates(sourceId, item, sortAt, stories);
					matched = (drafted != null && drafted.stories().sameAs(stories)) ? drafted.matched()
							: matched(sourceId, item, sortAt, stories);
				}
				story = matched.orElse(item.fingerprint().storyKey());
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

	/** The stories near an item in the window, as the matcher is given them. */
	private void candidates(String sourceId, IdentifiedItem item, Instant sortAt, FoundStories into) {
		this.window.candidates(item.bands(), sortAt, sourceId, into);
	}

	private Optional<String> matched(String sourceId, IdentifiedItem item, Instant sortAt, FoundStories stories) {
		if (stories.isEmpty()) {
			// Compared with nothing, but the next items of its story will be compared with it.
			this.matcher.remember(item.item().title(), item.titleKey());
			return Optional.empty();
		}
		return this.matcher.storyOf(item.item().title(), item.titleKey(), sourceId, sortAt, stories);
	}

	/** What the window and the matcher made of a poll's items before the story lock, item by item. */
	public static final class Draft {

		/** No draft: every item is decided afresh. */
		public static final Draft NONE = new Draft(List.of(), null);

		private final List<Drafted> items;

		/** The window when the draft began. */
		private final StoryWindow.@Nullable Mark mark;

		Draft(List<Drafted> items, StoryWindow.@Nullable Mark mark) {
			this.items = List.copyOf(items);
			this.mark = mark;
		}

		List<Drafted> items() {
			return this.items;
		}

		StoryWindow.@Nullable Mark mark() {
			return this.mark;
		}

		/** The draft of the item at {@code index} of a poll of {@code size} items; null if there is none. */
		@Nullable Drafted of(int index, int size) {
			return (this.items.size() == size) ? this.items.get(index) : null;
		}

	}

	/** One item's stories in the window (compact, see {@link DraftedStories}), and the story the matcher chose. */
	record Drafted(DraftedStories stories, Optional<String> matched) {
	}

}
