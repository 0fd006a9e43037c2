package fr.manchette.config;

import java.time.Duration;

import org.springframework.util.unit.DataSize;

/**
 * The {@code poll} block of feeds.yml: what every source gets unless it says otherwise.
 *
 * @param interval time between two polls of a source ({@code interval}, default 15m)
 * @param timeout deadline of one fetch, connection to last byte ({@code timeout}, default 20s)
 * @param maxSize largest body accepted, after decompression ({@code max-size}, default 10MB)
 */
public record PollDefaults(Duration interval, Duration timeout, DataSize maxSize) {

	public static final PollDefaults DEFAULTS = new PollDefaults(Duration.ofMinutes(15), Duration.ofSeconds(20),
			DataSize.ofMegabytes(10));

}
