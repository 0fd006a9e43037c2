package fr.manchette.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.springframework.util.FileSystemUtils;
import org.tukaani.xz.XZInputStream;

/**
 * zonky's PostgreSQL binaries for this machine (found on the test classpath by zonky's resolver, by system,
 * architecture and distribution), unpacked once into the temporary directory and shared by later runs: the
 * directory is named after the archive's digest, and made whole under another name first, then renamed, so that
 * two JVMs unpacking at once both end with a complete copy. Readable by every user, so that the server can run as
 * an unprivileged one.
 */
final class PostgresBinaries {

	private PostgresBinaries() {
	}

	/** The directory that holds {@code bin/}, {@code lib/} and {@code share/}. */
	static synchronized Path extracted() {
		try {
			byte[] archive;
			try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system(),
					System.getProperty("os.arch"))) {
				archive = in.readAllBytes();
			}
			Path root = Path.of(System.getProperty("java.io.tmpdir"), "manchette-pg-binaries");
			Path target = root.resolve(HexFormat.of().formatHex(sha256(archive), 0, 12));
			if (Files.isRegularFile(target.resolve(".complete"))) {
				return target;
			}
			Files.createDirectories(root);
			readableByAll(root);
			Path partial = Files.createTempDirectory(root, "partial-");
			unpack(archive, partial);
			Files.createFile(partial.resolve(".complete"));
			readableByAll(partial);
			try {
				Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException ex) {
				// Another JVM got there first, or the directory was left half made: theirs, or a fresh copy, wins.
				if (!Files.isRegularFile(target.resolve(".complete"))) {
					FileSystemUtils.deleteRecursively(target);
					Files.move(partial, target);
				}
			}
			FileSystemUtils.deleteRecursively(partial);
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not unpack the PostgreSQL binaries of the tests", ex);
		}
	}

	private static void unpack(byte[] archive, Path dir) throws IOException {
		try (TarArchiveInputStream tar = new TarArchiveInputStream(
				new XZInputStream(new ByteArrayInputStream(archive)))) {
			TarArchiveEntry entry;
			while ((entry = tar.getNextEntry()) != null) {
				Path path = dir.resolve(entry.getName()).normalize();
				if (!path.startsWith(dir)) {
					throw new IOException("Entry outside the archive's directory: " + entry.getName());
				}
				if (entry.isDirectory()) {
					Files.createDirectories(path);
				}
				else if (entry.isSymbolicLink()) {
					Files.createDirectories(path.getParent());
					Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
				}
				else {
					Files.createDirectories(path.getParent());
					Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
					setMode(path, entry.getMode());
				}
			}
		}
	}

	/** The archive's permissions, at least readable by all (and executable where it was by anyone). */
	private static void setMode(Path file, int mode) throws IOException {
		if (!isPosix(file)) {
			return;
		}
		boolean executable = (mode & 0111) != 0;
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
	}

	private static void readableByAll(Path dir) throws IOException {
		if (!isPosix(dir)) {
			return;
		}
		try (var paths = Files.walk(dir)) {
			for (Path path : paths.filter(Files::isDirectory).toList()) {
				Set<PosixFilePermission> permissions = PosixFilePermissions.fromString("rwxr-xr-x");
				Files.setPosixFilePermissions(path, permissions);
			}
		}
	}

	private static boolean isPosix(Path path) {
		return path.getFileSystem().supportedFileAttributeViews().contains("posix");
	}

	/** The system as zonky names it in its archives. */
	private static String system() {
		String name = System.getProperty("os.name").toLowerCase(Locale.ROOT);
		if (name.startsWith("windows")) {
			return "Windows";
		}
		if (name.startsWith("mac")) {
			return "Darwin";
		}
		return "Linux";
	}

	private static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
