package fr.manchette.dedup;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.manchette.normalize.Item;
import org.jspecify.annotations.Nullable;

/**
 * The items of a poll that its source's store already holds under another guid. Some feeds make their guids of a
 * session or of the time they are served: each fetch gives every item a new one, and every item was stored again at
 * every poll (the story step grouped the copies by their link, but the store grew and the source looked busy). A feed
 * that moves to a new guid scheme does the same once.
 * <p>
 * An item whose guid the store does not know is such an item when a stored item of its source has the same link (its
 * link key), is not listed by this fetch under its own guid, has the same headline, and is not dated otherwise (both
 * dates given, and different). It then takes the stored item's identity, item key and guid: an edit if anything else
 * changed, nothing if not, and the next fetch's guid finds the same row again.
 * <p>
 * Several items under one link stay several: the entries of a live blog, a home page given as the link of each item
 * of a ticker. An entry still listed under its own guid is not taken over; a new entry has a headline or a date of
 * its own; and a guid changed with the headline is a new item, as it always was (grouped with the other by the story
 * step, as they share a link). Of two stored items that an item could be, the one stored first: the same at every
 * poll.
 */
public final class RelabelledItems {

	private RelabelledItems() {
	}

	/**
	 * A stored item of the source, under the link of one of the poll's items.
	 *
	 * @param published its publication time as stored; the time it was first seen when {@code publishedKnown} is false
	 */
	public record Stored(String itemKey, @Nullable String guid, String linkKey, String title, Instant published,
			boolean publishedKnown) {
	}

	/**
	 * The poll's items, each item whose key is not among {@code known} that is one of {@code stored} under a new guid
	 * given that one's identity; the others as they are, in their order.
	 * @param known the keys of the poll's items that its source has stored
	 * @param stored the stored items of the source under the links of the other items, in the order they were stored
	 */
	public static List<IdentifiedItem> relabel(List<IdentifiedItem> items, Set<String> known,
			Collection<Stored> stored) {
		return relabel(items, known, stored, new HashSet<>());
	}

	/**
	 * The same for one slice of a poll read a slice at a time: {@code listed} holds the keys of the poll's items (all
	 * of them, known before its first slice: a stored item listed by a later slice is not taken over by an earlier
	 * one, as in a poll of one slice) and of the stored items its slices before took over; this slice's keys, and
	 * those it takes over, are added to it. A stored item listed or taken over is not taken over again, nor is an
	 * item this poll stored.
	 */
	public static List<IdentifiedItem> relabel(List<IdentifiedItem> items, Set<String> known,
			Collection<Stored> stored, Set<String> listed) {
		for (IdentifiedItem item : items) {
			listed.add(item.fingerprint().itemKey());
		}
		Map<String, List<Stored>> byLink = new HashMap<>();
		for (Stored one : stored) {
			if (!listed.contains(one.itemKey())) {
				byLink.computeIfAbsent(one.linkKey(), (link) -> new ArrayList<>()).add(one);
			}
		}
		if (byLink.isEmpty()) {
			return items;
		}
		List<IdentifiedItem> relabelled = new ArrayList<>(items.size());
		for (IdentifiedItem item : items) {
			String link = item.fingerprint().linkKey();
			List<Stored> candidates = (link != null && !known.contains(item.fingerprint().itemKey()))
					? byLink.get(link) : null;
			Stored same = (candidates != null) ? take(candidates, item.item()) : null;
			if (same != null) {
				listed.add(same.itemKey());
			}
			relabelled.add((same != null) ? item.relabelled(same.itemKey(), same.guid()) : item);
		}
		return relabelled;
	}

	/** The first of {@code candidates} that {@code item} is, taken out of them (each is one item of the poll at most). */
	private static @Nullable Stored take(List<Stored> candidates, Item item) {
		for (Iterator<Stored> each = candidates.iterator(); each.hasNext();) {
			Stored candidate = each.next();
			if (candidate.title().equals(item.title()) && sameDate(candidate, item)) {
				each.remove();
				return candidate;
			}
		}
		return null;
	}

	/**
	 * Whether two dates allow one item: the same, or one of them not given by the feed. The store keeps microseconds.
	 */
	private static boolean sameDate(Stored stored, Item item) {
		return !stored.publishedKnown() || !item.publishedKnown() || stored.published()
			.truncatedTo(ChronoUnit.MICROS)
			.equals(item.published().truncatedTo(ChronoUnit.MICROS));
	}

}
