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
 * @param forceEvery how often, while H2 writes, the file is forced to the disk, so that H2 may write over what a
 * version on the disk no longer needs within seconds rather than after its 45 s retention time (see
 * {@link H2FileCompaction}); not with an H2 URL that sets its own {@code RETENTION_TIME}
 */
@ConfigurationProperties("manchette.h2.compaction")
record CompactionSettings(@DefaultValue("15s") Duration interval, @DefaultValue("30s") Duration onStop,
		@DefaultValue("1s") Duration forceEvery) {

	CompactionSettings {
		Assert.isTrue(!interval.isNegative() && !interval.isZero(),
				"manchette.h2.compaction.interval must be positive");
		Assert.isTrue(!onStop.isNegative(), "manchette.h2.compaction.on-stop must not be negative");
		Assert.isTrue(!forceEvery.isNegative() && !forceEvery.isZero(),
				"manchette.h2.compaction.force-every must be positive");
	}

}
