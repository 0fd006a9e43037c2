package fr.manchette.store;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** When a young store has doubled: its statistics are gathered then, as H2 does of itself. */
class YoungStoreStatisticsTests {

	@Test
	void aStoreDoublesWhenItsNumbersReachAPowerOfTwo() {
		assertThat(YoungStoreStatistics.doubled(1000, 1030)).isTrue();
		assertThat(YoungStoreStatistics.doubled(1023, 1024)).isTrue();
		assertThat(YoungStoreStatistics.doubled(2047, 2048)).isTrue();
		assertThat(YoungStoreStatistics.doubled(1024, 1054)).isFalse();
		assertThat(YoungStoreStatistics.doubled(1030, 2040)).isFalse();
	}

	@Test
	void aStoreIsYoungFromAThousandItemsToAMillion() {
		assertThat(YoungStoreStatistics.doubled(500, 530)).isFalse();
		assertThat(YoungStoreStatistics.doubled((1 << 20) - 1, 1 << 20)).isTrue();
		assertThat(YoungStoreStatistics.doubled((1 << 21) - 1, 1 << 21)).isFalse();
	}

	@Test
	void aPollThatAddsNothingDoublesNothing() {
		assertThat(YoungStoreStatistics.doubled(1024, 1024)).isFalse();
	}

}
