package fr.manchette.pipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.manchette.config.FeedsFile;
import fr.manchette.config.Source;
import fr.manchette.dedup.Fingerprint;
import fr.manchette.dedup.IdentifiedItem;
import fr.manchette.dedup.StoryAssigner;
import fr.manchette.editorial.EditorialStage;
import fr.manchette.editorial.Judgement;
import fr.manchette.normalize.Item;
import fr.manchette.store.DroppedItems;
import fr.manchette.store.KnownItems;
import fr.manchette.store.PrunedItems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs a poll's items through the rules of feeds.yml, and remembers what they dropped: an item dropped once stays
 * dropped at the next polls, edited or not, as long as the same rules are in force; after an edit of the rules, what
 * is fetched is judged by the new ones, remembered drops included. Items already stored stay stored, and are not
 * counted as dropped: the rules decide what goes into the store, and a new rule does not take back what is in it
 * (retention does), though it keeps the feed's later edits of it out.
 */
@Component
class EditorialStep {

	private static final Logger log = LoggerFactory.getLogger(EditorialStep.class);

	private final EditorialStage stage;

	private final DroppedItems dropped;

	private final KnownItems stored;

	private final PrunedItems pruned;

	EditorialStep(EditorialStage stage, DroppedItems dropped, KnownItems stored, PrunedItems pruned) {
		this.stage = stage;
		this.dropped = dropped;
		this.stored = stored;
		this.pruned = pruned;
	}

	/**
	 * The items to store, identified (their keys are what drops are remembered by, and what the dedup step reads); the
	 * others are remembered as dropped, but for those of retention (dated before it, or deleted by it), which are
	 * only left out.
	 */
	List<IdentifiedItem> keep(Source source, FeedsFile config, List<Item> items, Instant now) {
		if (items.isEmpty()) {
			return List.of();
		}
		Judgement judged = this.stage.judge(config.rules(), source.rules(), items);
		Instant cutoff = now.minus(config.retention());
		// Dated before the retention: the store would keep it only until the next prune, and take it again as new at
		// the poll after, as long as the feed lists it. Neither stored nor remembered: its date keeps it out.
		List<IdentifiedItem> recent = judged.kept()
			.stream()
			.map(IdentifiedItem::of)
			.filter((item) -> !StoryAssigner.sortAt(item, now).isBefore(cutoff))
			.toList();
		// Undated, and deleted by retention: dated when seen, it would come back as the newest.
		Set<String> pruned = this.pruned.listedAgain(source.id(),
				recent.stream().map((item) -> item.fingerprint().itemKey()).toList(), now);
		List<IdentifiedItem> candidates = pruned.isEmpty() ? recent
				: recent.stream().filter((item) -> !pruned.contains(item.fingerprint().itemKey())).toList();
		Map<Item, String> keys = new HashMap<>();
		judged.dropped().forEach((drop) -> keys.put(drop.item(), Fingerprint.of(drop.item()).itemKey()));
		List<String> all = new ArrayList<>(keys.values());
		candidates.forEach((item) -> all.add(item.fingerprint().itemKey()));
		Map<String, String> remembered = this.dropped.find(source.id(), all);
		String version = judged.rulesVersion();
		List<IdentifiedItem> kept = new ArrayList<>(candidates.size());
		List<String> forgotten = new ArrayList<>();
		for (IdentifiedItem item : candidates) {
			String key = item.fingerprint().itemKey();
			String droppedUnder = remembered.get(key);
			if (version.equals(droppedUnder)) {
				// Dropped by these very rules before, and edited since: it stays out.
				continue;
			}
			if (droppedUnder != null) {
				forgotten.add(key);
			}
			kept.add(item);
		}
		Map<String, String> newlyDropped = new LinkedHashMap<>();
		for (Judgement.Dropped drop : judged.dropped()) {
			String key = keys.get(drop.item());
			if (!version.equals(remembered.get(key))) {
				newlyDropped.put(key, drop.rule());
			}
		}
		if (!newlyDropped.isEmpty()) {
			// Stored before the rule that drops it now: it stays where it is, neither updated nor counted as dropped.
			newlyDropped.keySet().removeAll(this.stored.find(source.id(), newlyDropped.keySet()).keySet());
		}
		this.dropped.forget(source.id(), forgotten);
		this.dropped.remember(source.id(), newlyDropped, version, now);
		if (!newlyDropped.isEmpty()) {
			log.info("Dropped source={} items={} rules={}", source.id(), newlyDropped.size(),
					newlyDropped.values().stream().distinct().toList());
		}
		return kept;
	}

}
