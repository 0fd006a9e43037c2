package fr.manchette.support;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * A disk for H2 files that can be made full while the service runs, without root (a full file system, or one
 * remounted read-only, is out of a test's reach): H2's own file system layer ({@code FilePath}) with every write
 * refused as the disk's would be, "No space left on device", while {@link #fill} holds. Reads and locks go through.
 * H2 takes it by the prefix of its URL, {@code jdbc:h2:fulldisk:file:…}. It also counts the forcings of each file to
 * the disk (fsync), which a start waits for.
 */
public final class FullDisk extends FilePathWrapper {

	private static volatile boolean full;

	/** Forcings to the disk, by the file's path. */
	private static final Map<String, AtomicInteger> forces = new ConcurrentHashMap<>();

	static {
		FilePath.register(new FullDisk());
	}

	/** The URL of an H2 file database in {@code dir} on this disk. */
	public static String url(Path dir) {
		return "jdbc:h2:fulldisk:file:" + dir.toAbsolutePath().resolve("db/manchette");
	}

	/** How many times the H2 file of {@link #url(Path) this directory} was forced to the disk so far. */
	public static int forces(Path dir) {
		// H2 names the file with or without its "file:" scheme.
		String file = dir.toAbsolutePath().resolve("db/manchette.mv.db").toString();
		return forces.entrySet()
			.stream()
			.filter((counted) -> counted.getKey().endsWith(file))
			.mapToInt((counted) -> counted.getValue().get())
			.sum();
	}

	/** Every write fails from now on. */
	public static void fill() {
		full = true;
	}

	/** Writes go through again. */
	public static void free() {
		full = false;
	}

	@Override
	public String getScheme() {
		return "fulldisk";
	}

	@Override
	public FileChannel open(String mode) throws IOException {
		return new Full(getBase().open(mode), forces.computeIfAbsent(getBase().toString(), (name) -> new AtomicInteger()));
	}

	private static final class Full extends FileBase {

		private final FileChannel file;

		private final AtomicInteger forced;

		Full(FileChannel file, AtomicInteger forced) {
			this.file = file;
			this.forced = forced;
		}

		private static void refuse() throws IOException {
			if (full) {
				throw new IOException("No space left on device");
			}
		}

		@Override
		public int write(ByteBuffer source) throws IOException {
			refuse();
			return this.file.write(source);
		}

		@Override
		public int write(ByteBuffer source, long position) throws IOException {
			refuse();
			return this.file.write(source, position);
		}

		@Override
		public FileChannel truncate(long size) throws IOException {
			refuse();
			this.file.truncate(size);
			return this;
		}

		@Override
		public void force(boolean metaData) throws IOException {
			refuse();
			this.file.force(metaData);
			this.forced.incrementAndGet();
		}

		@Override
		public int read(ByteBuffer destination) throws IOException {
			return this.file.read(destination);
		}

		@Override
		public int read(ByteBuffer destination, long position) throws IOException {
			return this.file.read(destination, position);
		}

		@Override
		public long position() throws IOException {
			return this.file.position();
		}

		@Override
		public FileChannel position(long position) throws IOException {
			this.file.position(position);
			return this;
		}

		@Override
		public long size() throws IOException {
			return this.file.size();
		}

		@Override
		public FileLock tryLock(long position, long size, boolean shared) throws IOException {
			return this.file.tryLock(position, size, shared);
		}

		@Override
		protected void implCloseChannel() throws IOException {
			this.file.close();
		}

	}

}
