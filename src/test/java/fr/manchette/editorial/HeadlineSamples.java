package fr.manchette.editorial;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import fr.manchette.parse.FeedParseException;
import fr.manchette.parse.FeedParser;
import fr.manchette.parse.RawItem;
import org.jsoup.Jsoup;

import org.springframework.core.io.ClassPathResource;

/**
 * Headlines whose language is known: the real French titles of {@code shared/corpus/real-fr} next to the project
 * (when it is there), and the Arabic, English and mixed ones written for these tests.
 */
public final class HeadlineSamples {

	/** The real French-language feeds, next to the project: absent on a machine without the shared corpus. */
	public static final Path CORPUS = Path.of("..", "shared", "corpus", "real-fr");

	private HeadlineSamples() {
	}

	/** One line of a resource file per headline; lines starting with # are comments. */
	public static List<String> written(String name) {
		try {
			String text = new ClassPathResource(name, HeadlineSamples.class).getContentAsString(StandardCharsets.UTF_8);
			return text.lines().filter((line) -> !line.isBlank() && !line.startsWith("#")).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Every title of every feed of the corpus that parses, as plain text; empty when the corpus is absent. */
	public static List<String> corpusFrenchTitles() {
		if (!Files.isDirectory(CORPUS)) {
			return List.of();
		}
		FeedParser parser = new FeedParser();
		List<String> titles = new ArrayList<>();
		try (Stream<Path> files = Files.list(CORPUS)) {
			for (Path file : files.sorted().toList()) {
				if (file.getFileName().toString().endsWith(".md")) {
					continue;
				}
				try {
					for (RawItem item : parser.parse(Files.readAllBytes(file), null).items()) {
						String title = (item.title() != null) ? Jsoup.parse(item.title()).text().strip() : "";
						if (!title.isEmpty()) {
							titles.add(title);
						}
					}
				}
				catch (FeedParseException ex) {
					// The corpus holds error pages and a hostile feed on purpose: they have no titles.
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return titles;
	}

}
