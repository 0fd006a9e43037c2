package fr.manchette;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.manchette.config.FeedsFile;
import fr.manchette.config.FeedsFileLoader;
import fr.manchette.config.InvalidFeedsFileException;
import fr.manchette.config.Source;
import fr.manchette.pipeline.IntervalReason;
import fr.manchette.store.PollOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

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
	void theDefaultsAndBoundsOfTheFeedsYmlExampleAreTheServices() throws IOException {
		String example = blocks(section("## feeds.yml", "## HTTP"), "yaml").get(0);
		// "interval: 15m   # time between two polls (default 15m, 1m to 7d)", "retention: … (default 30d, at most 36500d)"
		Matcher documented = Pattern
			.compile("(?m)^\\s*([a-z-]+): .*#[^(\\n]*\\(default ([^,;)]+)(?:, (?:(\\w+) to (\\w+)|at most (\\w+)))?")
			.matcher(example);
		String source = "  - id: site\n    name: Site\n    url: https://site.example/rss\n";
		FeedsFile defaults = load("feeds:\n" + source);
		Source site = defaults.feeds().get(0);
		Map<String, Object> bound = Map.of("timezone", defaults.timezone().getId(), "interval", site.interval(),
				"timeout", defaults.poll().timeout(), "max-size", defaults.poll().maxSize(), "adaptive",
				String.valueOf(site.adaptive()), "max-interval", site.maxInterval(), "retention", defaults.retention(),
				"enabled", String.valueOf(site.enabled()));
		List<String> checked = new ArrayList<>();
		while (documented.find()) {
			String key = documented.group(1);
			Object value = bound.get(key);
			assertThat(value).as(key).isNotNull();
			String text = documented.group(2);
			Object defaultValue = (value instanceof Duration) ? DurationStyle.detectAndParse(text)
					: (value instanceof DataSize) ? DataSize.parse(text) : text;
			assertThat(defaultValue).as(key).isEqualTo(value);
			String longest = (documented.group(4) != null) ? documented.group(4) : documented.group(5);
			if (longest != null) {
				// Under poll: but retention, which stands alone; a source is there so that the file is whole.
				String at = key.equals("retention") ? "" : "poll:\n  ";
				Duration most = DurationStyle.detectAndParse(longest);
				load(at + key + ": " + longest + "\nfeeds:\n" + source);
				assertThatExceptionOfType(InvalidFeedsFileException.class).as(key + " past " + longest)
					.isThrownBy(() -> load(at + key + ": " + most.plusSeconds(1).toSeconds() + "s\nfeeds:\n" + source))
					.withMessageContaining("too long (at most " + longest + ")");
				if (documented.group(3) != null) {
					Duration least = DurationStyle.detectAndParse(documented.group(3));
					load(at + key + ": " + documented.group(3) + "\nfeeds:\n" + source);
					assertThatExceptionOfType(InvalidFeedsFileException.class).as(key + " under " + documented.group(3))
						.isThrownBy(() -> load(at + key + ": " + least.minusMillis(1).toMillis() + "ms\nfeeds:\n" + source))
						.withMessageContaining("too short (at least " + documented.group(3) + ")");
				}
			}
			checked.add(key);
		}
		assertThat(checked).containsExactlyInAnyOrder("timezone", "interval", "timeout", "max-size", "adaptive",
				"max-interval", "retention", "enabled");
	}

	private FeedsFile load(String yaml) throws IOException {
		return new FeedsFileLoader().load(Files.writeString(this.dir.resolve("feeds.yml"), yaml));
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
		List<String> words = Arrays.stream(IntervalReason.values()).map(IntervalReason::word).toList();
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
