package fr.manchette.config;

import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The first wait, doubled after each failure, at most the cap: however many failures, never a wrapped wait. */
class BackoffTests {

	private final Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofHours(1));

	@Test
	void theFirstWaitDoubledAfterEachFailureUpToTheCap() {
		assertThat(Stream.of(1, 2, 3, 7, 8).map(this.backoff::after)).containsExactly(Duration.ofSeconds(30),
				Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(32), Duration.ofHours(1));
	}

	@Test
	void noFailureYetWaitsTheFirstWait() {
		assertThat(this.backoff.after(0)).isEqualTo(Duration.ofSeconds(30));
		assertThat(this.backoff.after(-1)).isEqualTo(Duration.ofSeconds(30));
	}

	/**
	 * 2^63 is negative as a long, and a shift by 64 or more is taken modulo 64: 2^64 would be 1, the first wait again;
	 * whatever the count, the wait is the cap.
	 */
	@Test
	void manyFailuresWaitTheCapNeverAWrappedWait() {
		for (int failures : new int[] { 62, 63, 64, 65, 66, 127, 128, 129, 1000, Integer.MAX_VALUE }) {
			assertThat(this.backoff.after(failures)).as("after %d failures", failures).isEqualTo(Duration.ofHours(1));
		}
	}

	/** Where the cap is more than 2^62 first waits, the doubling itself would overflow a long before the cap. */
	@Test
	void aCapPastWhatALongCountsStillCaps() {
		Backoff wide = new Backoff(Duration.ofNanos(1), Duration.ofSeconds(Long.MAX_VALUE));
		Duration previous = Duration.ZERO;
		for (int failures = 1; failures <= 200; failures++) {
			Duration wait = wide.after(failures);
			assertThat(wait).as("after %d failures", failures).isPositive().isGreaterThanOrEqualTo(previous);
			previous = wait;
		}
		assertThat(wide.after(63)).isEqualTo(Duration.ofNanos(1L << 62));
		assertThat(wide.after(64)).isEqualTo(Duration.ofSeconds(Long.MAX_VALUE));
		assertThat(wide.after(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(Long.MAX_VALUE));
	}

	/** However far the cap is above the first wait (here 3.6 million times), enough failures reach it. */
	@Test
	void aCapFarAboveTheFirstWaitIsReached() {
		Backoff far = new Backoff(Duration.ofMillis(1), Duration.ofHours(1));
		assertThat(far.after(22)).isEqualTo(Duration.ofMillis(1 << 21));
		assertThat(far.after(23)).isEqualTo(Duration.ofHours(1));
		assertThat(far.after(30)).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void aCapAsLongAsTheFirstWaitNeverGrows() {
		Backoff flat = new Backoff(Duration.ofMinutes(5), Duration.ofMinutes(5));
		assertThat(flat.after(1)).isEqualTo(Duration.ofMinutes(5));
		assertThat(flat.after(40)).isEqualTo(Duration.ofMinutes(5));
	}

	@Test
	void aWaitThatCannotGrowIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofHours(1)))
			.withMessageContaining("first wait must be positive");
		assertThatIllegalArgumentException().isThrownBy(() -> new Backoff(Duration.ofHours(2), Duration.ofHours(1)))
			.withMessageContaining("must be at least the first");
	}

}
