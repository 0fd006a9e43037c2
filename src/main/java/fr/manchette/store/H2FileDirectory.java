package fr.manchette.store;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The directory of an H2 file URL, made and checked before H2 opens the file: H2 reports a directory it cannot make
 * with stack traces of its own, on the console, before the start fails with some more.
 */
final class H2FileDirectory {

	private static final String FILE = "jdbc:h2:file:";

	private H2FileDirectory() {
	}

	/**
	 * Makes the directory of the file the URL names, if it is missing.
	 * @throws UnusableH2FileException if it cannot be made, or this user cannot write in it
	 */
	static void prepare(String url) {
		if (!url.regionMatches(true, 0, FILE, 0, FILE.length())) {
			// In memory, on a server, in a zip, or a path relative to the user's home: H2's to say.
			return;
		}
		String name = url.substring(FILE.length()).split(";", 2)[0].strip();
		if (name.isEmpty() || name.startsWith("~")) {
			return;
		}
		Path directory;
		try {
			directory = Path.of(name).toAbsolutePath().normalize().getParent();
		}
		catch (InvalidPathException ex) {
			return;
		}
		if (directory == null) {
			return;
		}
		try {
			Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new UnusableH2FileException("The store's directory " + directory + " cannot be made: "
					+ reason(directory, ex) + ".");
		}
		if (!Files.isWritable(directory)) {
			throw new UnusableH2FileException(
					"The store's directory " + directory + " is not writable by this user.");
		}
	}

	private static String reason(Path directory, IOException ex) {
		for (Path above = directory; above != null; above = above.getParent()) {
			if (Files.exists(above) && !Files.isDirectory(above)) {
				return above + " is a file, not a directory";
			}
		}
		if (ex instanceof AccessDeniedException denied) {
			return "permission denied on " + denied.getFile();
		}
		if (ex instanceof FileSystemException fs && fs.getReason() != null) {
			return fs.getReason().toLowerCase(Locale.ROOT) + " (" + fs.getFile() + ")";
		}
		return ex.toString();
	}

}
