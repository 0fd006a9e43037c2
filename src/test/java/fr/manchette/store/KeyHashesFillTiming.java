package fr.manchette.store;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * What upgrading a store filled by a version without the key hashes costs (H2): the migration at start-up, then the
 * background fill of its items and the drop of the full keys' indexes, timed apart, with the file's size after each.
 * On a copy of a store the StoreBenchmark of the version before left:
 * {@code ./mvnw -q -Pbench -DskipTests package exec:java -Dbench.main=fr.manchette.store.KeyHashesFillTiming
 * -Dbench.dir=<a copy of target/store-bench/db>}
 */
public final class KeyHashesFillTiming {

	private KeyHashesFillTiming() {
	}

	public static void main(String[] args) throws Exception {
		Path dir = Path.of(System.getProperty("bench.dir"));
		String url = DatabaseUrl.resolve(null, dir);
		SingleConnectionDataSource store = new SingleConnectionDataSource(url, "sa", "", true);
		var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		long wall = System.nanoTime();
		long cpu = os.getProcessCpuTime();
		Flyway.configure().dataSource(store).locations("classpath:db/migration").load().migrate();
		System.out.printf("migrate: %.1f s wall, %.1f s CPU; file %.0f MiB%n", (System.nanoTime() - wall) / 1e9,
				(os.getProcessCpuTime() - cpu) / 1e9, dir.resolve("manchette.mv.db").toFile().length() / 1048576.0);
		try (AnnotationConfigApplicationContext context = KeyHashesUpgradeTests.repositories(store)) {
			KeyHashes hashes = context.getBean(KeyHashes.class);
			wall = System.nanoTime();
			cpu = os.getProcessCpuTime();
			long filled = 0;
			int last;
			while ((last = hashes.fillNext()) > 0) {
				filled += last;
			}
			System.out.printf("fill: %d items, %.1f s wall, %.0f µs CPU an item; file %.0f MiB%n", filled,
					(System.nanoTime() - wall) / 1e9, (os.getProcessCpuTime() - cpu) / 1e3 / filled,
					dir.resolve("manchette.mv.db").toFile().length() / 1048576.0);
			wall = System.nanoTime();
			hashes.dropFullKeyIndexes();
			System.out.printf("drop: %.1f s wall; file %.0f MiB%n", (System.nanoTime() - wall) / 1e9,
					dir.resolve("manchette.mv.db").toFile().length() / 1048576.0);
		}
		store.destroy();
		System.out.printf("after close: file %.0f MiB%n", dir.resolve("manchette.mv.db").toFile().length() / 1048576.0);
		System.exit(0);
	}

}
