package fr.manchette.pipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.manchette.config.FeedsFile;
import fr.manchette.config.Source;
import fr.manchette.dedup.IdentifiedItem;
import fr.manchette.dedup.StoryAssigner;
import fr.manchette.editorial.EditorialStage;
import fr.manchette.editorial.Judgement;
import fr.manchette.fetch.SourcesTime;
import fr.manchette.normalize.Item;
import fr.manchette.store.DroppedItems;
import fr.manchette.store.ItemRepository;
import fr.manchette.store.PrunedItems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs a poll's items through the rules of feeds.yml, and remembers what they dropped: an item dropped once stays
 * dropped at the next polls, edited or not, as long as the same rules are in force, and under a new guid too when its
 * link, headline and date are the same (see {@link fr.manchette.dedup.RelabelledItems}); after an edit of the rules,
 * what is fetched is judged by the new ones, remembered drops included. Items already stored stay stored, and are not
 * counted as dropped: the rules decide what goes into the store, and a new rule does not take back what is in it
 * (retention does), though it keeps the feed's later edits of it out.
 */
@Component
class EditorialStep {

	private static final Logger log = LoggerFactory.getLogger(EditorialStep.class);

	private final EditorialStage stage;

	private final DroppedItems dropped;

	private final ItemRepository stored;

	private final PrunedItems pruned;

	private final SourcesTime sourcesTime;

	EditorialStep(EditorialStage stage, DroppedItems dropped, ItemRepository stored, PrunedItems pruned,
			SourcesTime sourcesTime) {
		this.stage = stage;
		this.sourcesTime = sourcesTime;
		this.dropped = dropped;
		this.stored = stored;
		this.pruned = pruned;
	}

	/**
	 * The items to store, identified (their keys are what drops are remembered by, and what the dedup step reads); the
	 * others are remembered as dropped, but for those of retention (dated before it, or deleted by it), which are
	 * only left out.
	 * @param items one slice of a poll's items
	 * @param listed the keys of all the poll's items when it has several slices (see {@link StoreStep.Slices#listed}),
	 * else empty
	 */
	List<IdentifiedItem> keep(Source source, FeedsFile config, List<Item> items, Set<String> listed, Instant now) {
		if (items.isEmpty()) {
			return List.of();
		}
		Judgement judged = this.stage.judge(config.rules(), source.rules(), items);
		Instant cutoff = this.sourcesTime.correct(now).minus(config.retention());
		// Dated before the retention: the store would keep it only until the next prune, and take it again as new at
		// the poll after, as long as the feed lists it. Neither stored nor remembered: its date keeps it out.
		List<IdentifiedItem> recent = judged.kept()
			.stream()
			.map(IdentifiedItem::of)
			.filter((item) -> !StoryAssigner.sortAt(item, now).isBefore(cutoff))
			.toList();
		// Undated, and deleted by retention: dated when seen, it would come back as the newest.
		Set<String> pruned = this.pruned.listedAgain(source.id(), recent, listed, now);
		List<IdentifiedItem> candidates = pruned.isEmpty() ? recent
				: recent.stream().filter((item) -> !pruned.contains(item.fingerprint().itemKey())).toList();
		List<DroppedItems.Drop> drops = judged.dropped()
			.stream()
			.map((drop) -> new DroppedItems.Drop(IdentifiedItem.of(drop.item()), drop.rule()))
			.toList();
		List<IdentifiedItem> all = new ArrayList<>(candidates);
		drops.forEach((drop) -> all.add(drop.item()));
		Map<String, DroppedItems.Remembered> remembered = this.dropped.find(source.id(), all, listed);
		String version = judged.rulesVersion();
		List<IdentifiedItem> kept = new ArrayList<>(candidates.size());
		// Remembered under other rules: forgotten, then remembered again if these rules drop it too.
		List<String> forgotten = new ArrayList<>();
		for (IdentifiedItem item : candidates) {
			DroppedItems.Remembered drop = remembered.get(item.fingerprint().itemKey());
			if (drop != null && version.equals(drop.rulesVersion())) {
				// Dropped by these very rules before, and edited since: it stays out.
				continue;
			}
			if (drop != null) {
				forgotten.add(drop.itemKey());
			}
			kept.add(item);
		}
		List<DroppedItems.Drop> newlyDropped = new ArrayList<>();
		for (DroppedItems.Drop drop : drops) {
			DroppedItems.Remembered before = remembered.get(drop.item().fingerprint().itemKey());
			if (before != null && version.equals(before.rulesVersion())) {
				// Remembered already: one row an item, however many polls list it.
				continue;
			}
			if (before != null) {
				forgotten.add(before.itemKey());
			}
			newlyDropped.add(drop);
		}
		if (!newlyDropped.isEmpty()) {
			// Stored before the rule that drops it now (under this guid or another): it stays where it is, neither
			// updated nor counted as dropped.
			Set<String> fresh = new HashSet<>();
			this.stored.sort(source.id(), newlyDropped.stream().map(DroppedItems.Drop::item).toList(),
					new HashSet<>(listed))
				.fresh()
				.forEach((item) -> fresh.add(item.fingerprint().itemKey()));
			newlyDropped.removeIf((drop) -> !fresh.contains(drop.item().fingerprint().itemKey()));
		}
		this.dropped.forget(source.id(), forgotten);
		this.dropped.remember(source.id(), newlyDropped, version, now);
		if (!newlyDropped.isEmpty()) {
			log.info("Dropped source={} items={} rules={}", source.id(), newlyDropped.size(),
					newlyDropped.stream().map(DroppedItems.Drop::rule).distinct().toList());
		}
		return kept;
	}

}
