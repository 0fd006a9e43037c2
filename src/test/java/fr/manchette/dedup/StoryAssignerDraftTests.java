package fr.manchette.dedup;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import fr.manchette.normalize.Item;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A draft decided before the story lock is reused under it only when the window gives each item the very stories it
 * gave the draft: what was stored in between changes the decision exactly as it would without a draft. Either ends at
 * the item before which its check throws.
 */
class StoryAssignerDraftTests {

	private static final Instant T0 = Instant.parse("2025-05-16T10:00:00Z");

	private static final Runnable NO_CHECK = () -> {
	};

	private static final String TOLD = "Le Maroc et la Mauritanie vont relier leurs réseaux électriques";

	private final StoryWindow window = new StoryWindow(Duration.ofHours(48), Clock.fixed(T0, ZoneOffset.UTC));

	private final StoryAssigner assigner = new StoryAssigner(new StoryMatcher(Duration.ofHours(48)), this.window);

	private final List<IdentifiedItem> poll = new Deduplicator()
		.identify(List.of(item("a", TOLD + " dès 2026", T0), item("b", "Gaza : au moins 80 morts dans des frappes", T0)));

	@Test
	void theDraftAndTheAssignmentEndAtTheItemBeforeWhichTheirCheckThrows() {
		this.window.load(List.of(), 0, 0);
		AtomicInteger checks = new AtomicInteger();
		// As the store step's check does once the service's stop waits for the poll no longer.
		Runnable abandonedAtTheSecondItem = () -> {
			if (checks.incrementAndGet() == 2) {
				throw new IllegalStateException("abandoned");
			}
		};

		assertThatThrownBy(() -> this.assigner.draft("hespress", this.poll, T0, abandonedAtTheSecondItem))
			.hasMessage("abandoned");
		assertThat(checks).hasValue(2);
		checks.set(0);
		assertThatThrownBy(() -> this.assigner.assign("hespress", this.poll, T0, Map.of(), StoryAssigner.Draft.NONE,
				abandonedAtTheSecondItem))
			.hasMessage("abandoned");
		assertThat(checks).hasValue(2);
	}

	@Test
	void withNothingStoredInBetweenEveryItemKeepsItsDraftedAnswer() {
		this.window.load(List.of(WindowHeadline.of(1, "le360", "s1", TOLD, T0.minusSeconds(60))), 1, 0);
		StoryAssigner.Draft draft = this.assigner.draft("hespress", this.poll, T0, NO_CHECK);
		StoryAssigner.Draft forged = forge(draft, "drafted");

		List<AssignedItem> assigned = this.assigner.assign("hespress", this.poll, T0, Map.of(), forged, NO_CHECK);

		assertThat(assigned).extracting(AssignedItem::storyKey).containsExactly("drafted", "drafted");
		assertThat(this.assigner.assign("hespress", this.poll, T0, Map.of(), draft, NO_CHECK))
			.extracting(AssignedItem::storyKey)
			.containsExactly("s1", this.poll.get(1).fingerprint().storyKey());
	}

	@Test
	void anItemWhoseStoriesChangedInBetweenIsDecidedAgain() {
		this.window.load(List.of(), 0, 0);
		StoryAssigner.Draft forged = forge(this.assigner.draft("hespress", this.poll, T0, NO_CHECK), "drafted");
		// Another source stored the same story while this poll was drafting.
		this.window.add(List.of(WindowHeadline.of(2, "le360", "s2", TOLD, T0.minusSeconds(30))));

		List<AssignedItem> assigned = this.assigner.assign("hespress", this.poll, T0, Map.of(), forged, NO_CHECK);

		assertThat(assigned).extracting(AssignedItem::storyKey).containsExactly("s2", "drafted");
		assertThat(assigned.get(0).storyKey()).isEqualTo(
				this.assigner.assign("hespress", this.poll, T0, Map.of()).get(0).storyKey());
	}

	@Test
	void anItemOneOfWhoseStoriesWasJoinedInBetweenIsDecidedAgain() {
		this.window.load(List.of(WindowHeadline.of(1, "le360", "s1", TOLD, T0.minusSeconds(60))), 1, 0);
		StoryAssigner.Draft forged = forge(this.assigner.draft("hespress", this.poll, T0, NO_CHECK), "drafted");
		// The same source's own item joined s1 meanwhile, under a headline sharing no band with the poll's: s1 is no
		// longer a story the poll's item may join.
		this.window.add(List.of(WindowHeadline.of(2, "hespress", "s1", "Électricité : accord signé", T0)));

		List<AssignedItem> assigned = this.assigner.assign("hespress", this.poll, T0, Map.of(), forged, NO_CHECK);

		assertThat(assigned).extracting(AssignedItem::storyKey)
			.containsExactly(this.poll.get(0).fingerprint().storyKey(), "drafted");
	}

	@Test
	void aHeadlineAddedInBetweenThatTheLookupWouldNotReadLeavesTheDraftWithoutALookup() {
		this.window.load(List.of(WindowHeadline.of(1, "le360", "s1", TOLD, T0.minusSeconds(60))), 1, 0);
		// Forged down to its answer: were the item looked up again, its stories (s1) would not be the draft's (none).
		StoryAssigner.Draft draft = this.assigner.draft("hespress", this.poll, T0, NO_CHECK);
		StoryAssigner.Draft forged = new StoryAssigner.Draft(draft.items()
			.stream()
			.map((drafted) -> new StoryAssigner.Drafted(DraftedStories.of(List.of()), Optional.of("drafted")))
			.toList(), draft.mark());
		// The same story told by the poll's own source, and by another one three days earlier: neither is read by
		// the lookup of an item of this source sorted now (the window is two days).
		this.window.add(List.of(WindowHeadline.of(2, "hespress", "s2", TOLD, T0.minusSeconds(30)),
				WindowHeadline.of(3, "lematin", "s3", TOLD, T0.minus(Duration.ofDays(3)))));

		assertThat(this.assigner.assign("hespress", this.poll, T0, Map.of(), forged, NO_CHECK)).extracting(AssignedItem::storyKey)
			.containsExactly("drafted", "drafted");
	}

	@Test
	void afterAnEditInBetweenEveryItemIsLookedUpAgain() {
		this.window.load(List.of(WindowHeadline.of(1, "le360", "s1", TOLD, T0.minusSeconds(60))), 1, 0);
		StoryAssigner.Draft forged = forge(this.assigner.draft("hespress", this.poll, T0, NO_CHECK), "drafted");
		this.window.edited(List.of(WindowHeadline.of(1, "le360", "s1", "Gaza : une trêve annoncée", T0.minusSeconds(60))),
				1);

		List<AssignedItem> assigned = this.assigner.assign("hespress", this.poll, T0, Map.of(), forged, NO_CHECK);

		assertThat(assigned.get(0).storyKey()).isEqualTo(this.poll.get(0).fingerprint().storyKey());
		assertThat(assigned.get(0).storyKey())
			.isEqualTo(this.assigner.assign("hespress", this.poll, T0, Map.of()).get(0).storyKey());
	}

	@Test
	void aDraftOfAnotherPollIsNotUsed() {
		this.window.load(List.of(WindowHeadline.of(1, "le360", "s1", TOLD, T0.minusSeconds(60))), 1, 0);
		StoryAssigner.Draft forged = forge(this.assigner.draft("hespress", this.poll.subList(0, 1), T0, NO_CHECK), "drafted");

		assertThat(this.assigner.assign("hespress", this.poll, T0, Map.of(), forged, NO_CHECK)).extracting(AssignedItem::storyKey)
			.containsExactly("s1", this.poll.get(1).fingerprint().storyKey());
	}

	@Test
	void anAddedHeadlineAlreadyHeldIsNotHeldTwice() {
		this.window.load(List.of(WindowHeadline.of(1, "le360", "s1", TOLD, T0.minusSeconds(60))), 1, 0);
		// Two store steps catching up at the same moment read the same rows.
		this.window.add(List.of(WindowHeadline.of(2, "lematin", "s1", TOLD, T0.minusSeconds(30))));
		this.window.add(List.of(WindowHeadline.of(2, "lematin", "s1", TOLD, T0.minusSeconds(30))));

		assertThat(this.window.size()).isEqualTo(2);
		assertThat(this.window.lastItemId()).isEqualTo(2);
	}

	/** The draft's stories with another answer: reused, it shows. */
	private static StoryAssigner.Draft forge(StoryAssigner.Draft draft, String story) {
		return new StoryAssigner.Draft(draft.items()
			.stream()
			.map((drafted) -> new StoryAssigner.Drafted(drafted.stories(), Optional.of(story)))
			.toList(), draft.mark());
	}

	private static Item item(String guid, String title, Instant published) {
		return new Item(guid, title, URI.create("https://h.ma/" + guid), "<p>" + title + "</p>", title, published, true,
				List.of());
	}

}
