package fr.manchette.store;

import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import fr.manchette.store.H2File.Compacted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.DestructionAwareBeanPostProcessor;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Compacts the embedded H2 file on a clean stop, at the last moment it can: just before the connection pool closes,
 * once everything that used the store has stopped (the polls, their leases given back, the background compaction).
 * Within {@code manchette.h2.compaction.on-stop}:
 * <ul>
 * <li>when the live data can be written anew in that time, {@code SHUTDOWN COMPACT}: the tightest file H2 makes,
 * at a rate of {@value #FULL_REWRITE_MB_PER_S} MB of live pages a second or better (100 000 items: 706 MB to 106 MB in
 * about 8 s on the 2-core reference machine, busy);
 * <li>otherwise {@link H2File} steps, with nothing to wait for (no retention time), until the time is up or the
 * steps stop gaining.
 * </ul>
 * A stop that does not close the Spring context (a {@code kill -9}) compacts nothing and loses nothing.
 */
@Component
class H2StopCompaction implements DestructionAwareBeanPostProcessor {

	private static final Logger log = LoggerFactory.getLogger(H2StopCompaction.class);

	/** What a full rewrite is assumed to manage, on a slow or busy machine: it decides only between the two ways. */
	static final int FULL_REWRITE_MB_PER_S = 20;

	private final Environment environment;

	H2StopCompaction(Environment environment) {
		this.environment = environment;
	}

	@Override
	public boolean requiresDestruction(Object bean) {
		return bean instanceof DataSource;
	}

	@Override
	public void postProcessBeforeDestruction(Object bean, String beanName) {
		if (!(bean instanceof DataSource dataSource)) {
			return;
		}
		String url = this.environment.getProperty(DatabaseUrlResolver.URL);
		if (dataSource instanceof HikariDataSource pool && !pool.isRunning()) {
			// The store never opened (a start that failed, the file in use elsewhere): asking for a connection would
			// try to open it once more, and log that failure again.
			return;
		}
		if (url != null && !DatabaseUrl.isH2(url)) {
			// No file to compact, so no connection asked for: the database may be gone already (PostgreSQL stopped
			// before the service), and the pool would wait for one its whole connection timeout (30 s) before the
			// stop goes on.
			return;
		}
		long budget;
		try {
			budget = Binder.get(this.environment)
				.bindOrCreate("manchette.h2.compaction", CompactionSettings.class)
				.onStop()
				.toMillis();
		}
		catch (BindException ex) {
			// A setting the start refuses, and says why: this stop is that refusal's, with nothing to compact.
			return;
		}
		try {
			H2File file = H2File.of(dataSource);
			if (budget == 0 || file == null || !file.isOpen()) {
				return;
			}
			file.closing();
			H2Fill before = file.fill();
			if (before.size() < H2FileCompaction.MIN_SIZE) {
				return;
			}
			if (before.live() / 1_000_000 / FULL_REWRITE_MB_PER_S * 1000 <= budget) {
				long started = System.nanoTime();
				H2File.shutdownCompact(dataSource);
				log.info("H2 file compacted on stop from {} by SHUTDOWN COMPACT in {} ms", before,
						(System.nanoTime() - started) / 1_000_000);
				return;
			}
			Compacted done = file.compact(CompactionPace.STOPPING, budget, () -> true);
			log.info("H2 file compacted on stop from {} to {} in {} ms", done.before(), done.after(), done.millis());
		}
		catch (SQLException | RuntimeException ex) {
			// The file stays as it was: H2 closes it as usual when the pool closes.
			log.warn("H2 file not compacted on stop kind={} detail={}", ex.getClass().getSimpleName(),
					ex.getMessage());
		}
	}

}
