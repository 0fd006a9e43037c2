package fr.manchette.pipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

import fr.manchette.dedup.AssignedItem;
import fr.manchette.dedup.IdentifiedItem;
import fr.manchette.dedup.StoryAssigner;
import fr.manchette.dedup.StoryWindow;
import fr.manchette.dedup.WindowHeadline;
import fr.manchette.editorial.EditorialStage;
import fr.manchette.normalize.Item;
import fr.manchette.store.EditedItem;
import fr.manchette.store.HeadlineEdits;
import fr.manchette.store.ItemRepository;
import fr.manchette.store.ItemRepository.HandedOut;
import fr.manchette.store.NewRows;
import fr.manchette.store.PollItems;
import fr.manchette.store.SaveResult;
import fr.manchette.store.SourceStatus;
import fr.manchette.store.SourceStatusRepository;
import fr.manchette.store.StoredHeadline;
import fr.manchette.store.StoredHeadlines;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores one poll, in one transaction: its items and the validators that vouch for them go together or not at all.
 * <p>
 * A slice at a time ({@link Slices}): identify (done) → sort against the store → decide the new items' stories →
 * insert and update; then record the outcome. Only a poll with new items decides stories, and it does so holding the
 * store's story lock (a row of the database, so it holds across instances): it first brings the {@link StoryWindow}
 * up to date with what was stored before it, by any instance, so two sources telling one story at the same moment are
 * matched whichever stores first. For a poll of one slice (any but the largest feeds) the turn lasts a few
 * statements; fetching, parsing and the matcher's draft of its first slice (see {@link StoryAssigner}) stay
 * concurrent.
 */
@Component
public class StoreStep {

	/** Rows read per statement when the story window catches up with the store. */
	private static final int CATCH_UP_BATCH = 1_000;

	/**
	 * A poll's items read, judged, identified and stored at a time, within its one transaction: a statement's rows
	 * (see {@link ItemRepository}), so that a large poll holds one slice's items and rows, not all of them.
	 */
	public static final int SLICE = 1_000;

	private final ItemRepository items;

	private final StoredHeadlines headlines;

	private final HeadlineEdits edits;

	private final SourceStatusRepository statuses;

	private final StoryAssigner assigner;

	private final StoryWindow window;

	private final TransactionTemplate transaction;

	private final StoryEvents events;

	private final EditorialStage editorial;

	public StoreStep(ItemRepository items, StoredHeadlines headlines, HeadlineEdits edits,
			SourceStatusRepository statuses, StoryAssigner assigner, StoryWindow window, TransactionTemplate transaction,
			StoryEvents events, EditorialStage editorial) {
		this.editorial = editorial;
		this.edits = edits;
		this.items = items;
		this.headlines = headlines;
		this.statuses = statuses;
		this.assigner = assigner;
		this.window = window;
		this.transaction = transaction;
		this.events = events;
	}

	/** Stores a poll's items, then its outcome; returns what it inserted and updated. */
	public SaveResult store(String sourceId, List<IdentifiedItem> identified, Instant seenAt, SourceStatus status) {
		return store(sourceId, Slices.of(identified), seenAt,
				(saved, inserted) -> this.statuses.recordOutcome(status, saved.inserted()));
	}

	/**
	 * Stores a poll's items, then the outcome that {@code outcome} makes of the items inserted (the next poll of an
	 * adaptive source depends on how many were new); returns what it inserted and updated.
	 */
	public SaveResult store(String sourceId, List<IdentifiedItem> identified, Instant seenAt,
			Function<Inserted, SourceStatus> outcome) {
		return store(sourceId, Slices.of(identified), seenAt, outcome);
	}

	/** The same, the poll's items handed a slice at a time. */
	SaveResult store(String sourceId, Slices slices, Instant seenAt, Function<Inserted, SourceStatus> outcome) {
		return store(sourceId, slices, seenAt,
				(saved, inserted) -> this.statuses.recordOutcome(outcome.apply(inserted), saved.inserted()));
	}

	/**
	 * Stores the items a WebSub hub pushed, then records the push as a success of the source; adds the publication
	 * dates the feed gave the items inserted to {@code published}.
	 */
	SaveResult storeDelivery(String sourceId, Slices slices, Instant seenAt, List<Instant> published) {
		return store(sourceId, slices, seenAt, (saved, inserted) -> {
			this.statuses.recordDelivery(sourceId, seenAt, saved.inserted());
			published.addAll(inserted.published());
		});
	}

	private SaveResult store(String sourceId, Slices slices, Instant seenAt,
			BiConsumer<SaveResult, Inserted> outcome) {
		return Objects.requireNonNull(this.transaction.execute((tx) -> {
			// Whatever this transaction added to the window, the store may not keep: start afresh if it rolls back.
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int outcome) {
					if (outcome != STATUS_COMMITTED) {
						StoreStep.this.window.invalidate();
					}
				}
			});
			Poll poll = new Poll(sourceId, seenAt, slices.listed());
			for (List<IdentifiedItem> slice = slices.next(); slice != null; slice = slices.next()) {
				poll.store(slice);
			}
			poll.stored();
			// For the webhooks, in this transaction: stored with the items or not at all.
			this.events.record(poll.told, seenAt);
			PollAbandoned.check();
			SaveResult saved = new SaveResult(poll.inserted, poll.updated);
			outcome.accept(saved, new Inserted(poll.inserted, poll.published));
			return saved;
		}));
	}

	/**
	 * What a poll inserted: how many items, and the publication dates its feed gave them (for the publish delays).
	 */
	public record Inserted(int count, List<Instant> published) {
	}

	/**
	 * A poll's items, handed to the store a slice at a time within its one transaction: a large feed's items are
	 * never all held at once. Each slice is identified, each key once across the poll.
	 */
	public interface Slices {

		/** The next slice, of {@link #SLICE} items at most; null after the last. */
		@Nullable List<IdentifiedItem> next();

		/**
		 * The keys of all the poll's items, known before its first slice, when it has more than one: a stored item
		 * that a later slice lists under its own guid is not taken for an item of an earlier one under a new guid
		 * (see {@link fr.manchette.dedup.RelabelledItems}), as in a poll of one slice. Empty for a poll of one slice,
		 * which lists them all.
		 */
		default Set<String> listed() {
			return Set.of();
		}

		/** A poll's items already in memory, in slices. */
		static Slices of(List<IdentifiedItem> items) {
			Set<String> listed = new HashSet<>();
			if (items.size() > SLICE) {
				items.forEach((item) -> listed.add(item.fingerprint().itemKey()));
			}
			int[] from = { 0 };
			return new Slices() {

				@Override
				public @Nullable List<IdentifiedItem> next() {
					if (from[0] >= items.size()) {
						return null;
					}
					int end = Math.min(items.size(), from[0] + SLICE);
					List<IdentifiedItem> slice = items.subList(from[0], end);
					from[0] = end;
					return slice;
				}

				@Override
				public Set<String> listed() {
					return listed;
				}

			};
		}

	}

	/**
	 * One poll being stored, slice after slice, in its transaction: identify (done) → sort against the store → decide
	 * the new items' stories → insert and update. The story lock is taken at the first slice with new items, and
	 * held to the end (the slices after it are decided under it, with no draft); what it keeps from one slice to the
	 * next is keys and counts, not items, and the headlines of its new items. The window takes those in once the last
	 * slice is stored: every slice decides its stories with what the window held before the poll, as a poll of one
	 * slice does. So an item of the third slice joins the story of another source that an item of the first joined
	 * (the matcher gives no story a second item of a source it has in the window), and finds the older headlines that
	 * the first slices' would have pushed out of a full window. Those headlines are some 4 MB for 9 000 new items.
	 */
	private final class Poll {

		private final String sourceId;

		private final Instant seenAt;

		/**
		 * The keys of the poll's items (all of them from the start when it has several slices, else so far), and of
		 * the stored items they took over (see RelabelledItems).
		 */
		private final Set<String> listed;

		private final StoryEvents.Told told = StoreStep.this.events.told();

		private final List<Instant> published = new ArrayList<>();

		/**
		 * The headlines of its new items, which the window takes in once the last slice is stored (see
		 * {@link #stored}).
		 */
		private final List<WindowHeadline> headlines = new ArrayList<>();

		private boolean locked;

		private int inserted;

		private int updated;

		Poll(String sourceId, Instant seenAt, Set<String> listed) {
			this.sourceId = sourceId;
			this.seenAt = seenAt;
			this.listed = new HashSet<>(listed);
		}

		void store(List<IdentifiedItem> identified) {
			if (identified.isEmpty()) {
				return;
			}
			// The stop may give up waiting for a poll (PollAbandoned): it rolls back at the next of these steps.
			PollAbandoned.check();
			PollItems sorted = withLanguages(StoreStep.this.items.sort(this.sourceId, identified, this.listed));
			List<IdentifiedItem> fresh = sorted.fresh();
			if (!fresh.isEmpty()) {
				// What can be made of their rows before their stories are decided is, out of the lock's turn.
				NewRows rows = StoreStep.this.items.rows(this.sourceId, fresh, this.seenAt);
				StoryAssigner.Draft draft = this.locked ? StoryAssigner.Draft.NONE
						: draft(this.sourceId, fresh, this.seenAt);
				PollAbandoned.check();
				if (!this.locked) {
					catchUp(StoreStep.this.items.lockStories(this.seenAt));
					this.locked = true;
				}
				reachBack(fresh, this.seenAt);
				List<String> links = fresh.stream()
					.map((item) -> item.fingerprint().linkKey())
					.filter(Objects::nonNull)
					.toList();
				// The slices before are stored: the stories of their links come with the others.
				List<AssignedItem> assigned = StoreStep.this.assigner.assign(this.sourceId, fresh, this.seenAt,
						StoreStep.this.items.storiesOfLinks(links), draft, PollAbandoned::check);
				Map<String, Long> ids = insert(rows, assigned);
				this.told.add(assigned, ids, this.seenAt);
				this.inserted += ids.size();
			}
			PollAbandoned.check();
			// The window takes edited headlines in from the store, as other instances' windows do (see addCommitted).
			this.updated += StoreStep.this.items.update(sorted.edited(), this.seenAt);
		}

		/** Once its last slice is stored: the window takes in the headlines of its new items. */
		void stored() {
			if (!this.headlines.isEmpty()) {
				// Still holding the lock: no other step has taken ids since the catch-up, so these are the next ones.
				StoreStep.this.window.add(this.headlines);
			}
		}

		/** Inserts a slice's new items and keeps their headlines for the window; returns their ids by item key. */
		private Map<String, Long> insert(NewRows rows, List<AssignedItem> slice) {
			Map<String, Long> ids = StoreStep.this.items.insert(rows, slice, PollAbandoned::check);
			for (AssignedItem item : slice) {
				Long id = ids.get(item.identified().fingerprint().itemKey());
				if (id != null) {
					Item stored = item.identified().item();
					this.headlines.add(new WindowHeadline(id, this.sourceId, item.storyKey(), stored.title(),
							item.sortAt(), item.identified().bands()));
					if (stored.publishedKnown()) {
						this.published.add(stored.published());
					}
				}
			}
			return ids;
		}

	}

	/**
	 * The items to write, each with its language decided: only these, as most items of a poll are stored unchanged and
	 * language detection costs more than anything else done to an item before the store.
	 */
	private PollItems withLanguages(PollItems sorted) {
		List<IdentifiedItem> fresh = sorted.fresh().stream().map(this::withLanguage).toList();
		List<EditedItem> edited = sorted.edited()
			.stream()
			.map((edit) -> new EditedItem(edit.id(), edit.sortAt(), withLanguage(edit.identified())))
			.toList();
		return new PollItems(fresh, edited);
	}

	private IdentifiedItem withLanguage(IdentifiedItem identified) {
		PollAbandoned.check();
		String language = this.editorial.language(identified.item()).language();
		return identified.withLanguage(language);
	}

	/**
	 * The poll's stories as the window held them before the story lock: the matcher's work done while other polls
	 * hold it. The window catches up with what was committed meanwhile (a read: committed items run without a hole,
	 * see {@link #catchUp}), but is neither loaded nor reached back here, where another step may be doing it; then
	 * there is no draft, and all is decided under the lock.
	 */
	private StoryAssigner.Draft draft(String sourceId, List<IdentifiedItem> fresh, Instant seenAt) {
		if (!this.window.loaded() || needsReachBack(fresh, seenAt)) {
			return StoryAssigner.Draft.NONE;
		}
		addCommitted();
		return this.assigner.draft(sourceId, fresh, seenAt, PollAbandoned::check);
	}

	/**
	 * Brings the window up to date under the story lock: loads it if it is not, then adds what was stored and takes
	 * in the headlines edited after the last it saw (by other instances, or before a restart), unless the lock told
	 * that nothing was stored or edited since: the step before this one was most often this instance's, whose items
	 * the window holds already.
	 * @param handedOut the last item id and edit number handed out before the lock was taken, when the store tells it
	 */
	private void catchUp(Optional<HandedOut> handedOut) {
		if (!this.window.loaded()) {
			long lastItem = this.headlines.lastItemId();
			long lastEdit = this.edits.lastId();
			List<WindowHeadline> headlines = this.headlines
				.headlinesSortedSince(this.window.keptFrom())
				.stream()
				.map(StoreStep::headline)
				.toList();
			this.window.load(headlines, lastItem, lastEdit);
			return;
		}
		if (handedOut.isPresent() && handedOut.get().lastItemId() <= this.window.lastItemId()
				&& handedOut.get().lastEditId() <= this.window.lastEditId()) {
			return;
		}
		addCommitted();
	}

	/**
	 * Adds to the window what was stored after the last item it holds, then the headline edits after the last it
	 * took in (an edit read with its item's current headline, the items first: an item read is read as edited).
	 * Items and edits are numbered under the story lock, held until they are committed: those committed have the
	 * lowest numbers, so what is read is never overtaken.
	 */
	private void addCommitted() {
		while (true) {
			List<StoredHeadline> stored = this.headlines.headlinesAfter(this.window.lastItemId(), CATCH_UP_BATCH);
			this.window.add(stored.stream().map(StoreStep::headline).toList());
			if (stored.size() < CATCH_UP_BATCH) {
				break;
			}
		}
		while (true) {
			List<HeadlineEdits.Edit> edits = this.edits.after(this.window.lastEditId(), CATCH_UP_BATCH);
			if (edits.isEmpty()) {
				return;
			}
			this.window.edited(edits.stream()
				.map(HeadlineEdits.Edit::headline)
				.filter(Objects::nonNull)
				.map(StoreStep::headline)
				.toList(), edits.get(edits.size() - 1).id());
			if (edits.size() < CATCH_UP_BATCH) {
				return;
			}
		}
	}

	/**
	 * Has the window hold the headlines one story window before the poll's earliest item, when it is older than what
	 * the window holds (a new source's backlog, the first polls of a new store): one read, the latest first.
	 */
	private void reachBack(List<IdentifiedItem> fresh, Instant seenAt) {
		this.window.reachBack(earliest(fresh, seenAt)).ifPresent((start) -> {
			int room = this.window.roomBack();
			List<WindowHeadline> older = this.headlines.headlinesSortedBetween(start, this.window.heldFrom(), room)
				.stream()
				.map(StoreStep::headline)
				.toList();
			this.window.extend(start, older, room);
		});
	}

	private boolean needsReachBack(List<IdentifiedItem> fresh, Instant seenAt) {
		return this.window.reachBack(earliest(fresh, seenAt)).isPresent();
	}

	private static Instant earliest(List<IdentifiedItem> fresh, Instant seenAt) {
		return fresh.stream().map((item) -> StoryAssigner.sortAt(item, seenAt)).min(Instant::compareTo).orElseThrow();
	}

	private static WindowHeadline headline(StoredHeadline stored) {
		return WindowHeadline.of(stored.id(), stored.sourceId(), stored.storyKey(), stored.title(), stored.sortAt());
	}

}
