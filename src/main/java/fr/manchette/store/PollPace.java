package fr.manchette.store;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * How often a source is polled, and why, as its last poll decided.
 *
 * @param arrivalRate new items per hour, measured from the times they were first seen (not their dates, which a
 * feed may get wrong); null until measured
 * @param observedHours how much observed time the rate rests on, older hours weighing less; null with the rate
 * @param interval the time between two polls in force
 * @param reason why that interval: {@code fixed}, {@code rate}, {@code floor}, {@code ceiling}, {@code ttl},
 * {@code backoff}, {@code pushed}, {@code start}, or another word a later stage adds
 */
public record PollPace(String sourceId, @Nullable Double arrivalRate, @Nullable Double observedHours,
		Duration interval, String reason) {

}
