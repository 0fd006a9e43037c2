package fr.manchette.support;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;

import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * A disk for H2 files that can be made full while the service runs, without root (a full file system, or one
 * remounted read-only, is out of a test's reach): H2's own file system layer ({@code FilePath}) with every write
 * refused as the disk's would be, "No space left on device", while {@link #fill} holds. Reads and locks go through.
 * H2 takes it by the prefix of its URL, {@code jdbc:h2:fulldisk:file:…}.
 */
public final class FullDisk extends FilePathWrapper {

	private static volatile boolean full;

	static {
		FilePath.register(new FullDisk());
	}

	/** The URL of an H2 file database in {@code dir} on this disk. */
	public static String url(Path dir) {
		return "jdbc:h2:fulldisk:file:" + dir.toAbsolutePath().resolve("db/manchette");
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
		return new Full(getBase().open(mode));
	}

	private static final class Full extends FileBase {

		private final FileChannel file;

		Full(FileChannel file) {
			this.file = file;
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
