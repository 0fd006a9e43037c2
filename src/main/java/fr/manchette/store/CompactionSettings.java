package fr.manchette.store;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * How the embedded H2 file is kept near the size of its live data ({@code manchette.h2.compaction.*}); no effect on
 * PostgreSQL.
 *
 * @param interval how often the file is looked at while the service runs; when it is more than twice what its live
 * data needs, it is compacted in small steps, in the background
 * @param onStop how long a clean stop may spend compacting, before the database is closed; {@code 0} for none
 */
@ConfigurationProperties("manchette.h2.compaction")
record CompactionSettings(@DefaultValue("15s") Duration interval, @DefaultValue("30s") Duration onStop) {

	CompactionSettings {
		Assert.isTrue(!interval.isNegative() && !interval.isZero(),
				"manchette.h2.compaction.interval must be positive");
		Assert.isTrue(!onStop.isNegative(), "manchette.h2.compaction.on-stop must not be negative");
	}

}
