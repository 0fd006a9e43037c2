package fr.manchette.dedup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StoryWindowTests {

	private static final Instant T0 = Instant.parse("2025-05-16T10:00:00Z");

	private static final String HEADLINE = "Le Maroc et la Mauritanie vont relier leurs réseaux électriques";

	private final StoryWindow window = new StoryWindow(Duration.ofHours(48), Clock.fixed(T0, ZoneOffset.UTC));

	@Test
	void findsTheNearHeadlinesOfOtherSourcesWithinTheWindow() {
		this.window.load(List.of(headline(1, "le360", "s1", HEADLINE, T0),
				headline(2, "hespress", "s2", HEADLINE + " ce lundi", T0.minus(Duration.ofHours(47))),
				headline(3, "lematin", "s3", HEADLINE, T0.minus(Duration.ofHours(49))),
				headline(4, "rfi", "s4", "Gaza : au moins 80 morts dans des frappes israéliennes", T0)), 4, 0);

		List<StoryCandidate> nearest = this.window.nearest(bands(HEADLINE), T0, "medias24");

		assertThat(nearest).extracting(StoryCandidate::itemId).containsExactly(1L, 2L);
		assertThat(this.window.nearest(bands(HEADLINE), T0, "le360")).extracting(StoryCandidate::itemId)
			.containsExactly(2L);
	}

	@Test
	void aCandidateStoryHasItsLeadFirstThenItsLatestMembersAtMostEight() {
		List<WindowHeadline> headlines = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			// Added newest first: the lead (the earliest) is the last one added.
			headlines.add(headline(i + 1, "source-" + i, "story", HEADLINE, T0.minusSeconds(i)));
		}
		this.window.load(headlines, 20, 0);

		List<CandidateStory> stories = this.window.candidates(bands(HEADLINE), T0, "other");

		assertThat(stories).hasSize(1);
		assertThat(stories.get(0).members()).hasSize(StoryWindow.MEMBERS);
		assertThat(stories.get(0).members().get(0).itemId()).isEqualTo(20L);
		assertThat(stories.get(0).members().subList(1, StoryWindow.MEMBERS)).extracting(StoryCandidate::itemId)
			.containsExactly(19L, 18L, 17L, 16L, 15L, 14L, 13L);
	}

	@Test
	void theHeadlinesOfOneStoryHoldOneKey() {
		List<WindowHeadline> headlines = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			// Read from the store: each row with a key of its own.
			headlines.add(headline(i + 1, "source-" + i, new String("story"), HEADLINE, T0.minusSeconds(i)));
		}
		this.window.load(headlines, 5, 0);

		List<StoryCandidate> members = this.window.candidates(bands(HEADLINE), T0, "other")
			.get(0)
			.members();

		assertThat(members).hasSize(5).allSatisfy((member) -> assertThat(member.storyKey()).isEqualTo("story")
			.isSameAs(members.get(0).storyKey()));
	}

	@Test
	void aCommonBandIsReadNoFurtherThanItsLatestHeadlines() {
		List<WindowHeadline> headlines = new ArrayList<>();
		for (int i = 0; i < 500; i++) {
			headlines.add(headline(i + 1, "source-" + i, "story-" + i, HEADLINE, T0.minusSeconds(i)));
		}
		this.window.load(headlines, 500, 0);

		List<StoryCandidate> nearest = this.window.nearest(bands(HEADLINE), T0, "other");

		assertThat(nearest).hasSize(StoryWindow.NEAREST);
		// Among equals, the last stored first.
		assertThat(nearest.get(0).itemId()).isEqualTo(500L);
	}

	@Test
	void theSameHeadlineComesFirstAlthoughItsFormulaicSiblingsCrowdTheCommonBands() {
		String told = "Cybersécurité : l’hôpital d’Arras visé par une attaque, 91 services touchés";
		List<WindowHeadline> headlines = new ArrayList<>();
		headlines.add(headline(1, "le-phare", "told", told, T0.minusSeconds(3600)));
		String[] towns = { "Rennes", "Brest", "Nantes", "Metz", "Reims", "Tours", "Pau", "Albi", "Agen", "Lyon" };
		for (int i = 0; i < 200; i++) {
			// Stored after it: the latest of every band they share with it.
			headlines.add(headline(i + 2, "source-" + i, "sibling-" + i, "Cybersécurité : l’hôpital de "
					+ towns[i % towns.length] + " visé par une attaque, " + (i + 100) + " services touchés",
					T0.minusSeconds(i)));
		}
		this.window.load(headlines, 201, 0);

		assertThat(this.window.nearest(bands(told), T0, "la-gazette").get(0).itemId()).isEqualTo(1L);
	}

	@Test
	void findsWhatReadingEveryBandOfEveryHeadlineFoundWouldFind() {
		// Within the reach of the window (twice the story window before its clock). Formulaic headlines of a few templates, many sharing bands with the ones looked up, so that most lookups
		// read some bands no further than PER_BAND: the headlines found are ranked by all the bands they share, as a
		// plain count over them all ranks them.
		String[] towns = { "Rennes", "Brest", "Nantes", "Metz", "Reims", "Tours", "Pau", "Albi", "Agen", "Lyon" };
		String[] templates = { "Cybersécurité : l’hôpital de %s visé par une attaque, %d services touchés",
				"Bourse de %s : clôture en hausse de %d points", "Incendie à %s : %d hectares brûlés",
				"Météo à %s : %d degrés attendus demain" };
		List<WindowHeadline> headlines = new ArrayList<>();
		for (int i = 0; i < 800; i++) {
			String title = String.format(templates[i % templates.length], towns[(i / 4) % towns.length], i % 13);
			headlines.add(headline(i + 1, "source-" + (i % 11), "story-" + i, title,
					T0.minus(Duration.ofMinutes(7L * i))));
		}
		this.window.load(headlines, 800, 0);
		for (int i = 0; i < 60; i++) {
			String title = String.format(templates[i % templates.length], towns[(i * 7) % towns.length], i % 5);
			Instant at = T0.minus(Duration.ofMinutes(97L * i));
			String source = "source-" + (i % 13);

			assertThat(this.window.nearest(bands(title), at, source)).extracting(StoryCandidate::itemId)
				.as(title)
				.containsExactlyElementsOf(nearestByEveryBand(headlines, bands(title), at, source));
		}
	}

	/**
	 * What the lookup finds, the plain way: the headlines of other sources within the window of {@code at} sharing
	 * each band, the last stored first, at most PER_BAND a band; ranked by how many bands they share in all, among
	 * equals the last stored first.
	 */
	@Test
	void pastTheHeadlinesItMayHoldItForgetsTheOldestAndFindsTheLatest() {
		StoryWindow small = new StoryWindow(Duration.ofHours(48), Clock.fixed(T0, ZoneOffset.UTC), 100);
		List<WindowHeadline> first = new ArrayList<>();
		for (int i = 0; i < 90; i++) {
			first.add(headline(i + 1, "source-" + (i % 9), "story-" + i, made(i), T0.minus(Duration.ofHours(90 - i))));
		}
		small.load(first, 90, 0);
		assertThat(small.size()).isEqualTo(90);
		assertThat(small.heldFrom()).isEqualTo(T0.minus(Duration.ofHours(96)));

		for (int i = 90; i < 130; i++) {
			small.add(List.of(headline(i + 1, "source-" + (i % 9), "story-" + i, made(i), T0.minusSeconds(130 - i))));
		}

		// Over 100 three times: each time the excess and a tenth more, the 11 oldest, forgotten; 33 in all.
		assertThat(small.size()).isEqualTo(97);
		assertThat(small.heldFrom()).isEqualTo(T0.minus(Duration.ofHours(58)).plusMillis(1));
		assertThat(small.nearest(bands(made(32)), T0.minus(Duration.ofHours(58)), "other"))
			.extracting(StoryCandidate::itemId).doesNotContain(33L);
		assertThat(small.nearest(bands(made(33)), T0.minus(Duration.ofHours(57)), "other"))
			.extracting(StoryCandidate::itemId).contains(34L);
		assertThat(small.nearest(bands(made(129)), T0, "other")).extracting(StoryCandidate::itemId).contains(130L);
		// An old item does not have it read back what it just forgot.
		assertThat(small.reachBack(T0.minus(Duration.ofDays(4)))).isEmpty();
		// The latest headlines still come in once it is full.
		small.add(List.of(headline(131, "late", "late", made(500), T0)));
		assertThat(small.nearest(bands(made(500)), T0, "other")).extracting(StoryCandidate::itemId).contains(131L);
	}

	@Test
	void theHeadlinesItMayHoldFollowTheHeap() {
		assertThat(StoryWindow.mostHeld(224L << 20)).isEqualTo(StoryWindow.MOST_HELD + 2_122);
		assertThat(StoryWindow.mostHeld(64L << 20)).isEqualTo(StoryWindow.MOST_HELD);
		assertThat(StoryWindow.mostHeld(1L << 30)).isGreaterThan(400_000);
	}

	private static List<Long> nearestByEveryBand(List<WindowHeadline> held, long[] incoming, Instant at,
			String source) {
		Duration window = Duration.ofHours(48);
		java.util.Set<WindowHeadline> found = new java.util.LinkedHashSet<>();
		for (long band : incoming) {
			int read = 0;
			for (int i = held.size() - 1; i >= 0 && read < StoryWindow.PER_BAND; i--) {
				WindowHeadline headline = held.get(i);
				if (java.util.Arrays.stream(headline.bands()).anyMatch((hash) -> hash == band) && !headline.sourceId().equals(source)
						&& !headline.sortAt().isBefore(at.minus(window)) && !headline.sortAt().isAfter(at.plus(window))) {
					read++;
					found.add(headline);
				}
			}
		}
		java.util.function.ToIntFunction<WindowHeadline> shared = (headline) -> {
			int count = 0;
			for (int band = 0; band < StoryBands.BANDS; band++) {
				if (headline.bands()[band] == incoming[band]) {
					count++;
				}
			}
			return count;
		};
		return found.stream()
			.sorted(java.util.Comparator.comparingInt(shared)
				.reversed()
				.thenComparing(java.util.Comparator.comparingLong(WindowHeadline::itemId).reversed()))
			.limit(StoryWindow.NEAREST)
			.map(WindowHeadline::itemId)
			.toList();
	}

	@Test
	void addsWhatWasStoredSinceAndMovesItsLastItemId() {
		this.window.load(List.of(), 0, 0);
		this.window.add(List.of(headline(7, "le360", "s1", HEADLINE, T0), headline(9, "rfi", "s9", "Autre chose", T0)));

		assertThat(this.window.lastItemId()).isEqualTo(9L);
		assertThat(this.window.nearest(bands(HEADLINE), T0, "hespress")).extracting(StoryCandidate::itemId)
			.containsExactly(7L);
	}

	@Test
	void forgetsWhatIsOutOfReachAndKeepsFindingTheRest() {
		List<WindowHeadline> headlines = new ArrayList<>();
		for (int i = 0; i < 3000; i++) {
			headlines.add(headline(i + 1, "source-" + i, "story-" + i, made(i), T0.minus(Duration.ofHours(i % 120))));
		}
		headlines.add(headline(3001, "le360", "s1", HEADLINE, T0));
		this.window.load(headlines, 3001, 0);

		int kept = this.window.forgetBefore(T0.minus(Duration.ofHours(96)));

		assertThat(kept).isEqualTo(headlines.stream()
			.filter((headline) -> !headline.sortAt().isBefore(T0.minus(Duration.ofHours(96))))
			.count());
		assertThat(this.window.nearest(bands(HEADLINE), T0, "hespress")).extracting(StoryCandidate::itemId)
			.containsExactly(3001L);
	}

	@Test
	void forgettingFindsWhatAWindowOfTheKeptHeadlinesAloneFinds() {
		// Stories of several headlines spread over five days (a story may lose its lead), some crowding the same
		// bands, from forty sources.
		List<WindowHeadline> headlines = new ArrayList<>();
		for (int i = 0; i < 3000; i++) {
			String title = (i % 7 == 0) ? HEADLINE + " " + made(i % 5) : made(i % 600);
			headlines.add(headline(i + 1, "source-" + (i % 40), "story-" + (i % 599), title,
					T0.minus(Duration.ofHours(i % 120)).minusSeconds(i)));
		}
		this.window.load(headlines, 3000, 0);
		Instant cutoff = T0.minus(Duration.ofHours(60));
		StoryWindow kept = new StoryWindow(Duration.ofHours(48), Clock.fixed(T0, ZoneOffset.UTC));
		kept.load(headlines.stream().filter((headline) -> !headline.sortAt().isBefore(cutoff)).toList(), 3000, 0);

		int held = this.window.forgetBefore(cutoff);

		assertThat(held).isEqualTo(kept.size()).isEqualTo(this.window.size());
		for (Instant at : List.of(T0, T0.minus(Duration.ofHours(10)), T0.minus(Duration.ofHours(30)))) {
			for (String title : List.of(HEADLINE, HEADLINE + " " + made(2), made(5), made(77), made(599))) {
				assertThat(this.window.candidates(bands(title), at, "source-3"))
					.isEqualTo(kept.candidates(bands(title), at, "source-3"));
				assertThat(this.window.nearest(bands(title), at, "source-3"))
					.isEqualTo(kept.nearest(bands(title), at, "source-3"))
					.allSatisfy((found) -> assertThat(found.sortAt()).isAfterOrEqualTo(cutoff));
			}
		}
		// What it holds after a forgetting keeps its room: new headlines still come in and are found.
		for (int i = 0; i < 3000; i++) {
			WindowHeadline added = headline(3001 + i, "late-" + (i % 30), "late-" + i, made(1000 + i),
					T0.plusSeconds(i));
			this.window.add(List.of(added));
			kept.add(List.of(added));
		}
		assertThat(this.window.size()).isEqualTo(kept.size());
		assertThat(this.window.candidates(bands(made(1500)), T0.plusSeconds(500), "other"))
			.isEqualTo(kept.candidates(bands(made(1500)), T0.plusSeconds(500), "other"))
			.isNotEmpty();
	}

	@Test
	void reachesBackForAnOldItemAndForgetsItAtTheNextPrune() {
		this.window.load(List.of(headline(9, "le360", "s9", "Autre chose", T0)), 9, 0);
		Instant weekAgo = T0.minus(Duration.ofDays(7));
		assertThat(this.window.reachBack(T0.minus(Duration.ofHours(40)))).isEmpty();

		Instant start = this.window.reachBack(weekAgo).orElseThrow();
		this.window.extend(start, List.of(headline(3, "rfi", "s3", HEADLINE, weekAgo.minusSeconds(60)),
				headline(2, "lematin", "s2", "Encore autre chose", start.minusSeconds(1))), 10);

		assertThat(start).isEqualTo(weekAgo.minus(Duration.ofHours(48)));
		assertThat(this.window.heldFrom()).isEqualTo(start);
		assertThat(this.window.reachBack(weekAgo)).isEmpty();
		assertThat(this.window.nearest(bands(HEADLINE), weekAgo, "hespress")).extracting(StoryCandidate::itemId)
			.containsExactly(3L);
		assertThat(this.window.size()).isEqualTo(2);

		this.window.forgetBefore(this.window.keptFrom());

		assertThat(this.window.nearest(bands(HEADLINE), weekAgo, "hespress")).isEmpty();
		assertThat(this.window.reachBack(weekAgo)).contains(start);
	}

	/**
	 * A poll of several slices reaching back reads the items its first slices stored too: those are left for it to
	 * add once its last slice is stored, as one slice would, and are held once.
	 */
	@Test
	void reachingBackLeavesTheHeadlinesAfterTheLastItemToAdd() {
		this.window.load(List.of(), 5, 0);
		Instant weekAgo = T0.minus(Duration.ofDays(7));
		Instant start = this.window.reachBack(weekAgo).orElseThrow();
		WindowHeadline ofThePoll = headline(7, "hespress", "s7", HEADLINE, weekAgo.plusSeconds(60));

		this.window.extend(start, List.of(ofThePoll, headline(4, "rfi", "s4", HEADLINE, weekAgo)), 10);

		assertThat(this.window.heldFrom()).isEqualTo(start);
		assertThat(this.window.nearest(bands(HEADLINE), weekAgo, "le360")).extracting(StoryCandidate::itemId)
			.containsExactly(4L);
		this.window.add(List.of(ofThePoll));
		assertThat(this.window.nearest(bands(HEADLINE), weekAgo, "le360")).extracting(StoryCandidate::itemId)
			.containsExactly(7L, 4L);
		assertThat(this.window.size()).isEqualTo(2);
	}

	@Test
	void reachingBackWithAsManyHeadlinesAsAskedHoldsFromTheLastOneOnly() {
		this.window.load(List.of(), 3, 0);
		Instant weekAgo = T0.minus(Duration.ofDays(7));
		Instant start = this.window.reachBack(weekAgo).orElseThrow();

		this.window.extend(start, List.of(headline(3, "rfi", "s3", HEADLINE, weekAgo.plusSeconds(60)),
				headline(2, "lematin", "s2", HEADLINE, weekAgo)), 2);

		// Others sorted at the last one's time may not have come: it is not held, nor anything before it.
		assertThat(this.window.heldFrom()).isEqualTo(weekAgo.plusMillis(1));
		assertThat(this.window.nearest(bands(HEADLINE), weekAgo, "hespress")).extracting(StoryCandidate::itemId)
			.containsExactly(3L);
		assertThat(this.window.reachBack(weekAgo)).isPresent();
	}

	@Test
	void growsPastItsFirstCapacityWithoutLosingAHeadline() {
		this.window.load(List.of(), 0, 0);
		for (int i = 0; i < 5000; i++) {
			this.window.add(List.of(headline(i + 1, "source-" + (i % 50), "story-" + i, made(i), T0.minusSeconds(i))));
		}

		assertThat(this.window.size()).isEqualTo(5000);
		for (int i = 0; i < 5000; i += 499) {
			assertThat(this.window.nearest(bands(made(i)), T0.minusSeconds(i), "other"))
				.extracting(StoryCandidate::itemId)
				.contains((long) i + 1);
		}
	}

	@Test
	void aStoryKeepsItsEarliestHeadlineAsLeadAsHeadlinesComeAndAreEdited() {
		this.window.load(List.of(headline(1, "le360", "s", HEADLINE, T0.minusSeconds(60)),
				headline(2, "hespress", "s", HEADLINE, T0.minusSeconds(120)),
				headline(3, "lematin", "s", HEADLINE, T0.minusSeconds(30))), 3, 0);
		assertThat(leadAndOthers()).containsExactly(2L, 3L, 1L);

		// Stored later, sorted earlier: it leads.
		this.window.add(List.of(headline(4, "rfi", "s", HEADLINE, T0.minusSeconds(600))));
		assertThat(leadAndOthers()).containsExactly(4L, 3L, 2L, 1L);

		// The lead edited: still the lead, in its place in time; the others as they were.
		this.window.edited(List.of(headline(4, "rfi", "s", HEADLINE + " ce lundi", T0.minusSeconds(600))), 1);
		assertThat(leadAndOthers()).containsExactly(4L, 3L, 2L, 1L);
		assertThat(this.window.candidates(bands(HEADLINE), T0, "other").get(0).lead().title())
			.isEqualTo(HEADLINE + " ce lundi");

		// Another edited: the lead stays.
		this.window.edited(List.of(headline(2, "hespress", "s", HEADLINE + " ce mardi", T0.minusSeconds(120))), 2);
		assertThat(leadAndOthers()).containsExactly(4L, 2L, 3L, 1L);
	}

	private List<Long> leadAndOthers() {
		List<CandidateStory> stories = this.window.candidates(bands(HEADLINE), T0, "other");
		assertThat(stories).hasSize(1);
		return stories.get(0).members().stream().map(StoryCandidate::itemId).toList();
	}

	@Test
	void anEditedHeadlineIsFoundByItsNewWordsInItsStory() {
		this.window.load(List.of(headline(1, "le360", "s1", "Titre provisoire", T0)), 1, 0);

		this.window.edited(List.of(headline(1, "le360", "s1", HEADLINE, T0)), 1);

		assertThat(this.window.nearest(bands(HEADLINE), T0, "hespress")).singleElement().satisfies((candidate) -> {
			assertThat(candidate.title()).isEqualTo(HEADLINE);
			assertThat(candidate.storyKey()).isEqualTo("s1");
		});
		assertThat(this.window.nearest(bands("Titre provisoire"), T0, "hespress")).isEmpty();
	}

	@Test
	void editsAreTakenInOnceAndAHeadlineHeldAlreadyChangesNothing() {
		this.window.load(List.of(headline(1, "le360", "s1", "Titre provisoire", T0)), 1, 3);
		assertThat(this.window.lastEditId()).isEqualTo(3);

		this.window.edited(List.of(headline(1, "le360", "s1", HEADLINE, T0)), 5);
		assertThat(this.window.lastEditId()).isEqualTo(5);
		assertThat(this.window.nearest(bands(HEADLINE), T0, "hespress")).singleElement()
			.satisfies((candidate) -> assertThat(candidate.title()).isEqualTo(HEADLINE));

		// Read again (another step caught up at the same moment), or this instance's own edit read back: nothing
		// changes, and a lookup drafted before stays good.
		StoryWindow.Mark mark = this.window.mark();
		this.window.edited(List.of(headline(1, "le360", "s1", "Titre provisoire", T0)), 4);
		this.window.edited(List.of(headline(1, "le360", "s1", HEADLINE, T0)), 6);
		assertThat(this.window.lastEditId()).isEqualTo(6);
		assertThat(this.window.addedSince(mark)).isNotNull();
		assertThat(this.window.nearest(bands(HEADLINE), T0, "hespress")).singleElement()
			.satisfies((candidate) -> assertThat(candidate.title()).isEqualTo(HEADLINE));

		this.window.invalidate();
		assertThat(this.window.lastEditId()).isZero();
	}

	@Test
	void aHeadlineHeldWithoutWordsEntersOnceEditedAndNoneItWillAddOrHasForgotten() {
		this.window.load(List.of(headline(1, "le360", "s1", "", T0), headline(2, "le360", "s2", HEADLINE, T0)), 2, 0);
		this.window.forgetBefore(T0.minusSeconds(60));

		this.window.edited(List.of(headline(1, "le360", "s1", HEADLINE, T0), headline(3, "hespress", "s3", HEADLINE, T0),
				headline(4, "lematin", "s4", HEADLINE, T0.minusSeconds(3600))), 1);

		assertThat(this.window.nearest(bands(HEADLINE), T0, "other")).extracting(StoryCandidate::itemId)
			.containsExactlyInAnyOrder(1L, 2L);
		// Item 3 is added by its id, once stored: not twice.
		this.window.add(List.of(headline(3, "hespress", "s3", HEADLINE, T0)));
		assertThat(this.window.nearest(bands(HEADLINE), T0, "other")).extracting(StoryCandidate::itemId)
			.containsExactlyInAnyOrder(1L, 2L, 3L);
	}

	@Test
	void invalidatedItHoldsNothingUntilLoadedAgain() {
		this.window.load(List.of(headline(1, "le360", "s1", HEADLINE, T0)), 1, 0);

		this.window.invalidate();

		assertThat(this.window.loaded()).isFalse();
		assertThat(this.window.lastItemId()).isZero();
		assertThat(this.window.nearest(bands(HEADLINE), T0, "hespress")).isEmpty();
	}

	@Test
	void aZeroWindowKeepsNothing() {
		StoryWindow off = new StoryWindow(Duration.ZERO, Clock.fixed(T0, ZoneOffset.UTC));
		off.load(List.of(headline(1, "le360", "s1", HEADLINE, T0)), 1, 0);

		assertThat(off.size()).isZero();
		assertThat(off.nearest(bands(HEADLINE), T0, "hespress")).isEmpty();
		assertThat(off.lastItemId()).isEqualTo(1L);
	}

	@Test
	void sourcesAreToldApartByNumberAcrossCompactionsAndLoads() {
		this.window.load(List.of(headline(1, "le360", "s1", HEADLINE, T0), headline(2, "hespress", "s2", HEADLINE, T0),
				headline(3, new String("le360"), "s3", HEADLINE, T0.minus(Duration.ofHours(90)))), 3, 0);
		assertThat(this.window.nearest(bands(HEADLINE), T0, new String("le360"))).extracting(StoryCandidate::itemId)
			.containsExactly(2L);
		assertThat(this.window.nearest(bands(HEADLINE), T0, "never-held")).extracting(StoryCandidate::itemId)
			.containsExactly(2L, 1L);

		// Compacted: what is left keeps its source.
		this.window.forgetBefore(T0.minus(Duration.ofHours(1)));
		assertThat(this.window.nearest(bands(HEADLINE), T0, "hespress")).extracting(StoryCandidate::itemId)
			.containsExactly(1L);

		// Loaded anew, the sources numbered in another order: the same answers.
		this.window.load(List.of(headline(4, "hespress", "s2", HEADLINE, T0), headline(5, "le360", "s1", HEADLINE, T0)),
				5, 0);
		assertThat(this.window.nearest(bands(HEADLINE), T0, "le360")).extracting(StoryCandidate::itemId)
			.containsExactly(4L);
		assertThat(this.window.nearest(bands(HEADLINE), T0, "hespress")).extracting(StoryCandidate::itemId)
			.containsExactly(5L);
		assertThat(this.window.nearest(bands(HEADLINE), T0, "le360").get(0).sourceId()).isEqualTo("hespress");
	}

	@Test
	void aLookupLeavesNothingBehindForTheNext() {
		List<WindowHeadline> headlines = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			headlines.add(headline(i + 1, "source-" + (i % 7), "story-" + i, made(i % 40), T0.minusSeconds(i)));
		}
		this.window.load(headlines, 300, 0);
		List<List<StoryCandidate>> first = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			first.add(this.window.nearest(bands(made(i)), T0, "source-" + (i % 3)));
		}
		for (int i = 39; i >= 0; i--) {
			// The same lookups again, in the other order: the tables they share were emptied after each.
			assertThat(this.window.nearest(bands(made(i)), T0, "source-" + (i % 3))).isEqualTo(first.get(i));
		}
		// Another window's lookups in between change nothing either.
		StoryWindow other = new StoryWindow(Duration.ofHours(48), Clock.fixed(T0, ZoneOffset.UTC));
		other.load(headlines.subList(0, 50), 50, 0);
		other.nearest(bands(made(3)), T0, "x");
		assertThat(this.window.nearest(bands(made(3)), T0, "source-0")).isEqualTo(first.get(3));
	}

	private static WindowHeadline headline(long id, String source, String story, String title, Instant at) {
		return WindowHeadline.of(id, source, story, title, at);
	}

	/** A made-up headline of its own words for each number. */
	private static String made(int n) {
		String[] syllables = { "ba", "ko", "ri", "tu", "me", "sa", "lo", "ni", "da", "fe" };
		StringBuilder title = new StringBuilder("Dépêche");
		for (int word = 0; word < 4; word++) {
			title.append(' ');
			int value = n * (word + 3) + word;
			for (int i = 0; i < 4; i++) {
				title.append(syllables[value % 10]);
				value /= 10;
			}
		}
		return title.toString();
	}

	private static long[] bands(String title) {
		return StoryBands.hashes(TitleKey.of(title));
	}

}
