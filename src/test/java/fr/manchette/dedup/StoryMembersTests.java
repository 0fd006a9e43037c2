package fr.manchette.dedup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StoryMembersTests {

	/**
	 * Stories of one slot and of many, among them stories whose keys have one hash (« Aa » and « BB »), added past
	 * the table's room: each story lists its slots, the last added first, as a map of lists would.
	 */
	@Test
	void eachStoryListsItsSlotsTheLastAddedFirst() {
		Random random = new Random(7);
		String[] stories = new String[8];
		StoryMembers members = new StoryMembers();
		members.reset(0);
		Map<String, List<Integer>> expected = new HashMap<>();
		int slots = 5000;
		for (int slot = 0; slot < slots; slot++) {
			if (slot == stories.length) {
				stories = Arrays.copyOf(stories, stories.length * 2);
			}
			int pick = random.nextInt(10);
			String story = switch (pick) {
				case 0 -> "Aa";
				case 1 -> "BB";
				case 2 -> "story " + random.nextInt(50);
				default -> "story of slot " + slot;
			};
			// A key of its own, equal to the others: stories are told apart by their text, not their instance.
			stories[slot] = new String(story);
			int before = members.add(slot, stories);
			List<Integer> earlier = expected.computeIfAbsent(story, (key) -> new ArrayList<>());
			assertThat(before).isEqualTo(earlier.isEmpty() ? StoryMembers.NONE : earlier.get(0));
			earlier.add(0, slot);
		}

		assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
		assertThat(expected).hasSizeGreaterThan(3000);
		for (Map.Entry<String, List<Integer>> story : expected.entrySet()) {
			assertThat(slotsOf(members, story.getKey())).as(story.getKey()).isEqualTo(story.getValue());
		}
		assertThat(members.last("a story never added")).isEqualTo(StoryMembers.NONE);
	}

	@Test
	void aResetForgetsEveryStory() {
		String[] stories = { "one", "two" };
		StoryMembers members = new StoryMembers();
		members.reset(2);
		members.add(0, stories);
		members.add(1, stories);
		members.reset(2);

		assertThat(members.last("one")).isEqualTo(StoryMembers.NONE);
		members.add(0, new String[] { "two", "one" });
		assertThat(slotsOf(members, "two")).containsExactly(0);
	}

	private static List<Integer> slotsOf(StoryMembers members, String story) {
		List<Integer> slots = new ArrayList<>();
		for (int slot = members.last(story); slot != StoryMembers.NONE; slot = members.previous(slot)) {
			slots.add(slot);
		}
		return slots;
	}

}
