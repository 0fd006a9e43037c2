package fr.manchette.pipeline;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The fill's pace on H2: no more written per retention time than the file's size when it started. */
class KeyHashBackfillTests {

	private static final long SECOND = 1_000_000_000L;

	private static final long MIB = 1L << 20;

	/** H2's own retention time. */
	private static final long RETENTION = 45 * SECOND;

	@Test
	void waitsUntilWhatItWroteHadTheRetentionTimeForEachFileSizeOfIt() {
		// 448 MiB written of a 448 MiB file: due 45 s after the start.
		assertThat(KeyHashBackfill.pauseNanos(448 * MIB, 448 * MIB, 10 * SECOND, RETENTION)).isEqualTo(35 * SECOND);
		assertThat(KeyHashBackfill.pauseNanos(896 * MIB, 448 * MIB, 10 * SECOND, RETENTION)).isEqualTo(80 * SECOND);
		assertThat(KeyHashBackfill.pauseNanos(224 * MIB, 448 * MIB, 0, RETENTION)).isEqualTo(RETENTION / 2);
	}

	@Test
	void aShorterRetentionTimeIsAShorterWait() {
		// The same 448 MiB of a 448 MiB file, H2 keeping what it wrote 5 s (the file forced to the disk every second).
		assertThat(KeyHashBackfill.pauseNanos(448 * MIB, 448 * MIB, 2 * SECOND, 5 * SECOND)).isEqualTo(3 * SECOND);
		assertThat(KeyHashBackfill.pauseNanos(448 * MIB, 448 * MIB, 10 * SECOND, 5 * SECOND)).isZero();
	}

	@Test
	void doesNotWaitWhenItWroteLessThanItsTimeAllows() {
		assertThat(KeyHashBackfill.pauseNanos(100 * MIB, 448 * MIB, 45 * SECOND, RETENTION)).isZero();
		assertThat(KeyHashBackfill.pauseNanos(0, 448 * MIB, 0, RETENTION)).isZero();
	}

	@Test
	void aSmallFileMayGrowByTheLeastAllowanceAtOnce() {
		// A 2 MiB file: 32 MiB written are half the least allowance, not sixteen times the file.
		assertThat(KeyHashBackfill.pauseNanos(32 * MIB, 2 * MIB, 0, RETENTION)).isEqualTo(RETENTION / 2);
	}

}
