package fr.manchette.config;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link FeedsFileWatcher} on its own, without a Spring context: what a reload reads and keeps. */
@ExtendWith(OutputCaptureExtension.class)
class FeedsFileWatcherTests {

	@TempDir
	Path temp;

	@Test
	void aHugeFileCopiedOverFeedsYmlIsRefusedWithoutBeingReadWhole(CapturedOutput output) throws IOException {
		Path path = Files.writeString(this.temp.resolve("feeds.yml"),
				"feeds:\n  - id: le360\n    name: Le360\n    url: https://fr.le360.ma/rss\n");
		FeedsFileLoader loader = new FeedsFileLoader();
		CurrentFeeds current = new CurrentFeeds(loader.load(path));
		List<Object> events = new ArrayList<>();
		FeedsFileWatcher watcher = new FeedsFileWatcher(properties(path), loader, current, events::add);
		// Three gigabytes, sparse: read whole, they would be more than any heap (and than an array) can hold.
		try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw")) {
			file.setLength(3L * 1024 * 1024 * 1024);
		}
		watcher.check();
		// Read again at the next check, as any content refused right after it changed.
		assertThat(output).doesNotContain("feeds.yml edit refused");
		watcher.check();
		assertThat(output).contains("feeds.yml edit refused, keeping the last good configuration: the file is too "
				+ "large (3221225472 bytes, for at most 1048576 characters)");
		assertThat(current.get().feeds()).extracting(Source::id).containsExactly("le360");
		assertThat(events).isEmpty();
	}

	@Test
	void aFileThatCannotBeReadIsSaidWhyOnceAndTheLastGoodConfigurationRuns(CapturedOutput output) throws IOException {
		// Given as a relative path, named by its absolute one: the log says which file, whatever the working folder.
		Path path = Path.of("").toAbsolutePath().relativize(Files.writeString(this.temp.resolve("feeds.yml"),
				"feeds:\n  - id: le360\n    name: Le360\n    url: https://fr.le360.ma/rss\n"));
		FeedsFileLoader loader = new FeedsFileLoader();
		CurrentFeeds current = new CurrentFeeds(loader.load(path));
		FeedsFileWatcher watcher = new FeedsFileWatcher(properties(path), loader, current, (event) -> {
		});

		Files.delete(path);
		watcher.check();
		watcher.check();
		assertThat(output).contains("feeds.yml (" + this.temp.resolve("feeds.yml") + ") cannot be read (it does not exist): keeping the last good "
				+ "configuration");
		assertThat(output.getAll().split("cannot be read", -1)).as("said once while it lasts").hasSize(2);

		Files.createDirectory(path);
		watcher.check();
		assertThat(output).doesNotContain("(it is a directory)");
		Files.delete(path);
		Files.writeString(path, "feeds:\n  - id: le360\n    name: Le360\n    url: https://fr.le360.ma/rss\n");
		watcher.check();
		Files.delete(path);
		Files.createDirectory(path);
		watcher.check();
		assertThat(output).contains("cannot be read (it is a directory)");
		assertThat(current.get().feeds()).extracting(Source::id).containsExactly("le360");
	}

	/**
	 * An editor that empties feeds.yml and then writes it leaves it empty, or cut short, for a moment: a check that
	 * reads it then refuses nothing yet, keeps the running configuration and says no ERROR; the whole file, read at
	 * the next check, is taken. A content still wrong at the next check is refused, once, as any wrong edit.
	 */
	@Test
	void aFileReadWhileItIsBeingSavedIsReadAgainBeforeItIsRefused(CapturedOutput output) throws IOException {
		String le360 = "feeds:\n  - id: le360\n    name: Le360\n    url: https://fr.le360.ma/rss\n";
		String both = le360 + "  - id: hespress\n    name: Hespress\n    url: https://fr.hespress.com/feed\n";
		Path path = Files.writeString(this.temp.resolve("feeds.yml"), le360);
		FeedsFileLoader loader = new FeedsFileLoader();
		CurrentFeeds current = new CurrentFeeds(loader.load(path));
		List<Object> events = new ArrayList<>();
		FeedsFileWatcher watcher = new FeedsFileWatcher(properties(path), loader, current, events::add);

		// Empty, cut inside a key (not YAML), cut before a source's url (a source without one).
		for (String saving : List.of("", both.substring(0, both.indexOf("ame: Hespress")),
				both.substring(0, both.indexOf("    url: https://fr.h")))) {
			Files.writeString(path, saving);
			watcher.check();
			assertThat(current.get().feeds()).as(saving).extracting(Source::id).doesNotContain("hespress");
			Files.writeString(path, le360);
			watcher.check();
		}
		Files.writeString(path, "");
		watcher.check();
		Files.writeString(path, both);
		watcher.check();
		assertThat(output).doesNotContain("ERROR", "edit refused");
		assertThat(current.get().feeds()).extracting(Source::id).containsExactly("le360", "hespress");
		assertThat(events).isNotEmpty();

		Files.writeString(path, "");
		watcher.check();
		watcher.check();
		watcher.check();
		assertThat(output.getAll().split("feeds.yml edit refused", -1)).as("said once").hasSize(2);
		assertThat(current.get().feeds()).extracting(Source::id).containsExactly("le360", "hespress");
	}

	private static ManchetteProperties properties(Path feeds) {
		return new ManchetteProperties(feeds, "test",
				new ManchetteProperties.Polling(false, 1, 1, Duration.ZERO, Duration.ofSeconds(1), Duration.ofMinutes(1),
						Duration.ofMinutes(1), Duration.ofSeconds(30)),
				Duration.ofSeconds(2), null, null);
	}

}
