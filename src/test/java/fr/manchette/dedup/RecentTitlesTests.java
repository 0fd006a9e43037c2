package fr.manchette.dedup;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecentTitlesTests {

	@Test
	void holdsWhatWasPutByEqualTitles() {
		RecentTitles recent = new RecentTitles(8);
		recent.put("Gaza : au moins 80 morts", 1);
		recent.putIfAbsent("Gaza : au moins 80 morts", 2);
		recent.putIfAbsent("Carburants : baisse de 10 centimes", 3);

		assertThat(recent.get(new String("Gaza : au moins 80 morts"))).isEqualTo(1);
		assertThat(recent.get("Carburants : baisse de 10 centimes")).isEqualTo(3);
		assertThat(recent.get("Une autre dépêche")).isNull();
		recent.put("Gaza : au moins 80 morts", 4);
		assertThat(recent.get("Gaza : au moins 80 morts")).isEqualTo(4);
		assertThat(recent.size()).isEqualTo(2);
	}

	@Test
	void whenFullForgetsOneNotUsedSinceTheHandPassedAndKeepsTheOthersFound() {
		RecentTitles recent = new RecentTitles(64);
		Map<String, Integer> expected = new HashMap<>();
		Random random = new Random(7);
		String used = "Asked for all along";
		recent.put(used, -1);
		for (int i = 0; i < 5000; i++) {
			String title = "Dépêche " + random.nextInt(400);
			recent.put(title, i);
			expected.put(title, i);
			assertThat(recent.get(used)).isEqualTo(-1);
			assertThat(recent.size()).isLessThanOrEqualTo(64);
		}
		// Whatever is still held is what was last put for it: moving titles back after a removal lost none.
		int held = 0;
		for (Map.Entry<String, Integer> entry : expected.entrySet()) {
			Object value = recent.get(entry.getKey());
			if (value != null) {
				assertThat(value).isEqualTo(entry.getValue());
				held++;
			}
		}
		assertThat(held).isEqualTo(63);
	}

	@Test
	void aTitleNeverAskedForAgainGoesByTheTimeAsManyOthersCame() {
		RecentTitles recent = new RecentTitles(1000);
		recent.put("Never asked for again", 0);
		recent.put("Asked for again", 0);
		for (int i = 0; i < 998; i++) {
			recent.put("Dépêche " + i, i);
		}
		recent.get("Asked for again");
		assertThat(recent.size()).isEqualTo(1000);

		// The thousandth after it: the first to go, as the eldest of a map in access order would.
		recent.put("Dépêche 998", 998);

		assertThat(recent.size()).isEqualTo(1000);
		assertThat(recent.get("Never asked for again")).isNull();
		assertThat(recent.get("Asked for again")).isEqualTo(0);
		assertThat(recent.get("Dépêche 0")).isEqualTo(0);
		assertThat(recent.get("Dépêche 998")).isEqualTo(998);
	}

}
