package fr.manchette.store;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcOperations;

/**
 * The engine behind the store's connections, asked at the first statement that depends on it and remembered: the
 * data source does not change while the service runs.
 */
final class StoreEngineOnce {

	private final JdbcOperations jdbc;

	private volatile @Nullable StoreEngine engine;

	StoreEngineOnce(JdbcOperations jdbc) {
		this.jdbc = jdbc;
	}

	StoreEngine get() {
		StoreEngine known = this.engine;
		if (known == null) {
			known = StoreEngine.of(this.jdbc);
			this.engine = known;
		}
		return known;
	}

}
