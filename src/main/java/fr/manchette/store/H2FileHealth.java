package fr.manchette.store;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} DOWN while the embedded H2 file cannot be written (the disk full). H2 then closes the
 * database, and opens it anew for the next connection, which answers the pool's check and Spring Boot's own health
 * check of the database: only the next write fails it again. So the health says what the workers found, until a write
 * reaches the disk ({@link StoreOutage#fileDown}). Read from memory: nothing asked of the database.
 */
@Component
class H2FileHealth implements HealthIndicator {

	private final StoreOutage outage;

	H2FileHealth(StoreOutage outage) {
		this.outage = outage;
	}

	@Override
	public Health health() {
		return this.outage.fileDown() ? Health.down().withDetail("h2File", "cannot be written").build()
				: Health.up().build();
	}

}
