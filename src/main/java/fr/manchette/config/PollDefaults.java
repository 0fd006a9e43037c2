package fr.manchette.config;

import java.time.Duration;

import org.springframework.util.unit.DataSize;

/**
 * The {@code poll} block of feeds.yml: what every source gets unless it says otherwise.
 *
 * @param interval time between two polls of a source ({@code interval}, default 15m)
 * @param timeout deadline of one fetch, connection to last byte ({@code timeout}, default 20s)
 * @param maxSize largest body accepted, after decompression ({@code max-size}, default 10MB)
 * @param adaptive whether sources follow their own publishing rate instead of a fixed interval ({@code adaptive},
 *     default false)
 * @param maxInterval the longest interval an adaptive source drifts to when it is quiet ({@code max-interval},
 *     default 6h)
 */
public record PollDefaults(Duration interval, Duration timeout, DataSize maxSize, boolean adaptive,
		Duration maxInterval) {

	/** The ceiling of adaptive intervals unless feeds.yml says otherwise. */
	public static final Duration DEFAULT_MAX_INTERVAL = Duration.ofHours(6);

	public static final PollDefaults DEFAULTS = new PollDefaults(Duration.ofMinutes(15), Duration.ofSeconds(20),
			DataSize.ofMegabytes(10));

	/** Fixed intervals, as before adaptive polling. */
	public PollDefaults(Duration interval, Duration timeout, DataSize maxSize) {
		this(interval, timeout, maxSize, false, DEFAULT_MAX_INTERVAL);
	}

}
