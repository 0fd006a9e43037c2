package fr.manchette;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.manchette.config.FeedsFile;
import fr.manchette.config.FeedsFileLoader;
import fr.manchette.pipeline.IntervalReason;
import fr.manchette.store.PollOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the README shows an operator, held to what the service does: its feeds.yml examples are files the service
 * accepts, and its lists of names and counts are the service's, so that a script written from the README works.
 */
class ReadmeTests {

	private static final Path README = Path.of("README.md");

	@TempDir
	Path dir;

	@Test
	void everyFeedsYmlExampleIsAFileTheServiceAccepts() throws IOException {
		List<String> examples = blocks(section("## feeds.yml", "## HTTP"), "yaml");
		assertThat(examples).hasSize(3);
		for (String example : examples) {
			// A source alone (the type html one) is shown as it goes under feeds:.
			String file = example.startsWith("  - id:") ? "feeds:\n" + example : example;
			FeedsFile loaded = new FeedsFileLoader().load(Files.writeString(this.dir.resolve("feeds.yml"), file));
			assertThat(loaded.feeds()).as(example).isNotEmpty();
		}
	}

	@Test
	void theShippedFileHasTheSourcesTheReadmeCounts() {
		Matcher count = Pattern.compile("The shipped file follows (\\d+) French and Moroccan sources \\((\\d+) enabled\\)")
			.matcher(read());
		assertThat(count.find()).isTrue();
		FeedsFile shipped = new FeedsFileLoader().load(Path.of("feeds.yml"));
		assertThat(shipped.feeds()).hasSize(Integer.parseInt(count.group(1)));
		assertThat(shipped.enabledFeeds()).hasSize(Integer.parseInt(count.group(2)));
	}

	@Test
	void theOutcomesListedAreThoseApiSourcesShows() {
		String listed = section("`outcome` (", "`failuresInRow`");
		List<String> names = Arrays.stream(PollOutcome.values())
			.filter((outcome) -> outcome != PollOutcome.INTERRUPTED) // never stored, never shown
			.map(Enum::name)
			.toList();
		assertThat(codes(listed, "`([A-Z_]+)`")).containsExactlyInAnyOrderElementsOf(names);
	}

	@Test
	void theIntervalReasonsListedAreThoseApiSourcesShows() {
		String listed = section("and `intervalReason`, why:", "- `itemsPerHour`");
		List<String> words = new ArrayList<>(Arrays.stream(IntervalReason.values()).map(IntervalReason::word).toList());
		words.add("start"); // an adaptive source not polled yet has no pace to give a reason
		// Each reason is followed by what it means, in brackets.
		assertThat(codes(listed, "`([a-z]+)` \\(")).containsExactlyInAnyOrderElementsOf(words);
	}

	/** The first group of each match of {@code pattern} in {@code passage}. */
	private static List<String> codes(String passage, String pattern) {
		List<String> codes = new ArrayList<>();
		Matcher code = Pattern.compile(pattern).matcher(passage);
		while (code.find()) {
			codes.add(code.group(1));
		}
		return codes;
	}

	private static String section(String from, String to) {
		String readme = read();
		int start = readme.indexOf(from);
		assertThat(start).as(from).isNotNegative();
		int end = readme.indexOf(to, start + from.length());
		assertThat(end).as(to).isPositive();
		return readme.substring(start, end);
	}

	private static List<String> blocks(String text, String language) {
		List<String> blocks = new ArrayList<>();
		Matcher block = Pattern.compile("(?s)```" + language + "\n(.*?)```").matcher(text);
		while (block.find()) {
			blocks.add(block.group(1));
		}
		return blocks;
	}

	private static String read() {
		try {
			return Files.readString(README);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
