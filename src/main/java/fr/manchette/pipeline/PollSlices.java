package fr.manchette.pipeline;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import fr.manchette.dedup.Deduplicator;
import fr.manchette.dedup.IdentifiedItem;
import fr.manchette.normalize.Item;
import org.jspecify.annotations.Nullable;

/**
 * A poll's items as the store step asks for them, a slice at a time: normalized, run through the editorial rules and
 * identified, each key kept once across the whole poll (the first listed, as a feed that repeats itself must not count
 * twice). Only one slice of a large feed's items is normalized at a time, and it is garbage once stored.
 */
final class PollSlices implements StoreStep.Slices {

	private final SourceReader.Items items;

	/** The editorial step, for one slice's items: those to store, identified. */
	private final Function<List<Item>, List<IdentifiedItem>> kept;

	private final Deduplicator deduplicator;

	/** The keys of the items handed on so far. */
	private final Set<String> seen = new HashSet<>();

	PollSlices(SourceReader.Items items, Function<List<Item>, List<IdentifiedItem>> kept,
			Deduplicator deduplicator) {
		this.items = items;
		this.kept = kept;
		this.deduplicator = deduplicator;
	}

	@Override
	public @Nullable List<IdentifiedItem> next() {
		List<Item> slice = this.items.next(StoreStep.SLICE);
		if (slice == null) {
			return null;
		}
		return this.deduplicator.distinct(this.kept.apply(slice), this.seen);
	}

	@Override
	public Set<String> listed() {
		return this.items.keys();
	}

	/** How many items were read so far: once all are, the items read whole. */
	int read() {
		return this.items.normalized();
	}

	/** How many items were handed on to the store so far: read, kept by the rules, and listed once. */
	int handedOn() {
		return this.seen.size();
	}

}
