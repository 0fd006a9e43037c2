package fr.manchette.dedup;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import fr.manchette.normalize.Item;
import fr.manchette.parse.FeedParseException;
import fr.manchette.support.ParseThenNormalize;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The story matcher over the real feeds of {@code shared/corpus/real-fr}, when it is next to the project: every feed
 * is a source, every pair of items of two feeds is compared as the service would (window, story index, matcher),
 * and what it merges is printed for a person to judge. Feeds of the same day (franceinfo, Le Figaro, Libération,
 * BFMTV, Blast and Élucid on 10 February 2025; Le Monde and franceinfo on 18 January 2024) are where stories meet.
 */
class RealFeedsStoriesTests {

	private static final Path CORPUS = Path.of("..", "shared", "corpus", "real-fr");

	private static final Pattern DATE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})");

	private final StoryMatcher matcher = new StoryMatcher(Duration.ofHours(48));

	@Test
	void printsWhatTheMatcherMergesInRealFeeds() throws IOException {
		assumeTrue(Files.isDirectory(CORPUS), () -> "no corpus at " + CORPUS.toAbsolutePath().normalize());
		List<Headline> headlines = new ArrayList<>();
		int feeds = 0;
		try (Stream<Path> files = Files.list(CORPUS)) {
			for (Path file : files.sorted().toList()) {
				List<Headline> read = read(file);
				feeds += read.isEmpty() ? 0 : 1;
				headlines.addAll(read);
			}
		}
		int compared = 0;
		List<String> merged = new ArrayList<>();
		List<String> near = new ArrayList<>();
		for (int i = 0; i < headlines.size(); i++) {
			for (int j = i + 1; j < headlines.size(); j++) {
				Headline a = headlines.get(i);
				Headline b = headlines.get(j);
				if (a.source().equals(b.source())) {
					continue;
				}
				compared++;
				boolean sameLink = a.item().link() != null && b.item().link() != null
						&& Fingerprint.of(a.item()).linkKey().equals(Fingerprint.of(b.item()).linkKey());
				if (sameLink || (shareABand(a, b) && this.matcher.sameStory(a.key(), a.item().published(), b.key(),
						b.item().published()))) {
					merged.add(String.format(Locale.ROOT, "  %s (%.2f)%n    %s  %s%n    %s  %s",
							sameLink ? "same link" : "near-duplicate", this.matcher.compare(a.key(), b.key()).similarity(),
							a.source(), a.item().title(), b.source(), b.item().title()));
				}
				else if (this.matcher.withinWindow(a.key(), a.item().published(), b.key(), b.item().published())) {
					StoryMatcher.Comparison comparison = this.matcher.compare(a.key(), b.key());
					if (comparison.similarity() >= 0.25) {
						near.add(String.format(Locale.ROOT, "  kept apart (%.2f, %s)%n    %s  %s%n    %s  %s",
								comparison.similarity(),
								(comparison.contradiction() != null) ? comparison.contradiction() : "below the threshold",
								a.source(), a.item().title(), b.source(), b.item().title()));
					}
				}
			}
		}
		System.out.printf("real-fr corpus: %d feeds, %d items, %d pairs of two sources compared, %d merged%n", feeds,
				headlines.size(), compared, merged.size());
		merged.forEach(System.out::println);
		System.out.printf("kept apart, though alike (similarity 0.25 or more, within the window): %d%n", near.size());
		near.forEach(System.out::println);
		assertThat(headlines).isNotEmpty();
	}

	private static List<Headline> read(Path file) throws IOException {
		String name = file.getFileName().toString();
		Matcher date = DATE.matcher(name);
		if (!name.matches(".*\\.(xml|rss|atom)") || !date.find()) {
			return List.of();
		}
		// Saved that day: items without a date are dated then, not today.
		Instant savedAt = LocalDate.parse(date.group(1)).atTime(23, 59).toInstant(ZoneOffset.UTC);
		List<Item> items;
		try {
			items = new ParseThenNormalize(URI.create("https://example.org/"), savedAt, ZoneId.of("Europe/Paris"))
				.keptItems(Files.readAllBytes(file), null);
		}
		catch (FeedParseException ex) {
			return List.of();
		}
		List<Headline> headlines = new ArrayList<>();
		String source = name.substring(0, date.start() - 1);
		for (Item item : items) {
			headlines.add(new Headline(source + "@" + date.group(1), item, TitleKey.of(item.title())));
		}
		return headlines;
	}

	private static boolean shareABand(Headline a, Headline b) {
		Set<Long> bands = new HashSet<>(StoryBands.of(a.key()));
		return StoryBands.of(b.key()).stream().anyMatch(bands::contains);
	}

	private record Headline(String source, Item item, TitleKey key) {
	}

}
