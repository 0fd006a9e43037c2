package fr.manchette.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The latest publish-to-feed delays of each source, kept in its {@code source_status} row as seconds separated by
 * commas: one short text per source, read then written after a poll's or a push's commit, outside any lease or
 * transaction (a push racing a poll of the same source may lose a few figures: they are statistics).
 */
@Repository
public class PublishDelayRepository {

	private static final String FIND = "SELECT recent_delays FROM source_status WHERE source_id = :source";

	private static final String RECORD = "UPDATE source_status SET recent_delays = :delays WHERE source_id = :source";

	/** The column's width. */
	private static final int MAX_TEXT = 2000;

	private final JdbcClient jdbc;

	PublishDelayRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Adds a poll's delays to its source's latest ones; nothing when the source has no status row yet. */
	public void append(String sourceId, List<Duration> delays) {
		if (delays.isEmpty()) {
			return;
		}
		List<String> found = this.jdbc.sql(FIND).param("source", sourceId).query(String.class).list();
		if (found.isEmpty()) {
			return;
		}
		RecentDelays recent = new RecentDelays(sourceId, parse(found.get(0))).plus(delays);
		String text = format(recent.delays());
		while (text.length() > MAX_TEXT) {
			// Only a source failing for weeks has delays long enough to fill it: drop the oldest.
			text = text.substring(text.indexOf(',') + 1);
		}
		this.jdbc.sql(RECORD).param("source", sourceId).param("delays", text).update();
	}

	/** The latest delays of a source as its {@code recent_delays} column holds them; null when none was measured. */
	static @Nullable RecentDelays delaysOrNull(String sourceId, @Nullable String text) {
		return (text != null) ? new RecentDelays(sourceId, parse(text)) : null;
	}

	private static List<Duration> parse(@Nullable String text) {
		List<Duration> delays = new ArrayList<>();
		if (text == null || text.isBlank()) {
			return delays;
		}
		for (String part : text.split(",")) {
			try {
				delays.add(Duration.ofSeconds(Long.parseLong(part.trim())));
			}
			catch (NumberFormatException ex) {
				// Written by us only; a damaged value costs one figure, not the list.
			}
		}
		return delays;
	}

	private static String format(List<Duration> delays) {
		return delays.stream().map((delay) -> Long.toString(delay.toSeconds())).collect(Collectors.joining(","));
	}

}
