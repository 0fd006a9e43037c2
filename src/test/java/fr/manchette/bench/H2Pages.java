package fr.manchette.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.h2.engine.Database;
import org.h2.engine.SessionLocal;
import org.h2.index.Index;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.db.MVPrimaryIndex;
import org.h2.mvstore.db.MVSecondaryIndex;
import org.h2.table.Table;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Where H2's page bytes go: the pages of the chunks in the file at the end of a burst, by map (a table or an index),
 * those of the chunks younger than the retention time apart (what the last seconds wrote, dead or not), and H2's
 * count of bytes written. Reads each chunk's table of contents from the file.
 */
final class H2Pages {

	private static final int BLOCK = 4096;

	private H2Pages() {
	}

	/** H2's count of bytes written to the file so far. */
	static java.util.function.LongSupplier writeBytes(ConfigurableApplicationContext context) {
		try (Connection connection = context.getBean(DataSource.class).getConnection()) {
			MVStore store = ((SessionLocal) connection.unwrap(JdbcConnection.class).getSession()).getDatabase()
				.getStore()
				.getMvStore();
			return () -> {
				Map<String, String> info = new HashMap<>();
				store.populateInfo(info::put);
				return Long.parseLong(info.getOrDefault("info.FILE_WRITE_BYTES", "0"));
			};
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static void print(ConfigurableApplicationContext context, int items) {
		try (Connection connection = context.getBean(DataSource.class).getConnection()) {
			Database database = ((SessionLocal) connection.unwrap(JdbcConnection.class).getSession()).getDatabase();
			MVStore store = database.getStore().getMvStore();
			Map<String, String> names = new HashMap<>();
			for (Table table : database.getAllTablesAndViews()) {
				for (Index index : table.getIndexes()) {
					if (index instanceof MVPrimaryIndex primary) {
						names.put(primary.getMapName(), table.getName());
					}
					else if (index instanceof MVSecondaryIndex) {
						names.put("index." + index.getId(), index.getName());
					}
				}
			}
			Map<String, String> info = new HashMap<>();
			store.populateInfo(info::put);
			System.out.printf("H2: %.1f kB written an item (%s writes), version %s, retention %d ms%n",
					Long.parseLong(info.get("info.FILE_WRITE_BYTES")) / 1024.0 / items, info.get("info.FILE_WRITE"),
					info.get("info.CURRENT_VERSION"), store.getRetentionTime());
			long now = System.currentTimeMillis() - store.getFileStore().getCreationTime();
			Map<String, long[]> bytes = new TreeMap<>();
			long[] total = new long[4];
			Path file = Path.of(store.getFileStore().getFileName());
			try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
				for (Map.Entry<String, String> entry : new ArrayList<>(store.getLayoutMap().entrySet())) {
					if (!entry.getKey().startsWith("chunk.")) {
						continue;
					}
					Map<String, String> chunk = DataUtils.parseMap(entry.getValue());
					long block = DataUtils.readHexLong(chunk, "block", 0);
					int pages = (int) DataUtils.readHexLong(chunk, "pages", 0);
					int toc = (int) DataUtils.readHexLong(chunk, "toc", 0);
					long time = DataUtils.readHexLong(chunk, "time", 0);
					if (block == 0 || toc == 0 || pages == 0) {
						continue;
					}
					boolean young = now - time < store.getRetentionTime();
					ByteBuffer buffer = ByteBuffer.allocate(pages * 8);
					channel.read(buffer, block * BLOCK + toc);
					buffer.flip();
					long[] elements = new long[pages];
					buffer.asLongBuffer().get(elements);
					Integer[] order = new Integer[pages];
					for (int i = 0; i < pages; i++) {
						order[i] = i;
					}
					java.util.Arrays.sort(order,
							(a, b) -> Integer.compare(DataUtils.getPageOffset(elements[a]),
									DataUtils.getPageOffset(elements[b])));
					for (int i = 0; i < pages; i++) {
						long element = elements[order[i]];
						int end = (i + 1 < pages) ? DataUtils.getPageOffset(elements[order[i + 1]]) : toc;
						int length = end - DataUtils.getPageOffset(element);
						String map = store.getMapName(DataUtils.getPageMapId(element));
						String name = names.getOrDefault(map, String.valueOf(map))
								+ ((DataUtils.getPageType(element) == DataUtils.PAGE_TYPE_LEAF) ? "" : " (nodes)");
						long[] sum = bytes.computeIfAbsent(name, (k) -> new long[4]);
						int slot = young ? 0 : 2;
						sum[slot] += length;
						sum[slot + 1]++;
						total[slot] += length;
						total[slot + 1]++;
					}
				}
			}
			System.out.printf("H2 pages in the file: %d MiB in young chunks, %d MiB in old ones%n", total[0] >> 20,
					total[2] >> 20);
			bytes.entrySet()
				.stream()
				.sorted((a, b) -> Long.compare(b.getValue()[0] + b.getValue()[2], a.getValue()[0] + a.getValue()[2]))
				.limit(20)
				.forEach((e) -> System.out.printf("  %-32s young %6.1f MiB %7d pages (%5.1f %%), old %6.1f MiB%n",
						e.getKey(), e.getValue()[0] / 1048576.0, e.getValue()[1],
						100.0 * e.getValue()[0] / Math.max(1, total[0]), e.getValue()[2] / 1048576.0));
		}
		catch (SQLException | IOException | RuntimeException ex) {
			System.out.println("H2 pages: " + ex);
		}
	}

}
