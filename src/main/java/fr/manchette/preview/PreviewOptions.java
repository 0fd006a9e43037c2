package fr.manchette.preview;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.manchette.normalize.LinkCanonicalizer;
import org.jspecify.annotations.Nullable;

/**
 * What {@code preview} was asked: a source of feeds.yml by its id, or a page and selectors given on the command line.
 *
 * @param sourceId the source to preview, or {@code null} with {@code --url}
 * @param feedsFile {@code --manchette.feeds}, if given
 * @param url {@code --url}, if given
 * @param select the selector options ({@code --item} and the like), keyed as in a {@code select} block
 * @param enrich {@code --enrich}: also read the first items' article pages
 * @param help {@code --help}
 */
record PreviewOptions(@Nullable String sourceId, @Nullable Path feedsFile, @Nullable URI url, Map<String, String> select,
		boolean enrich, boolean help) {

	/** The options that take a value, as {@code select} keys (but {@code url}). */
	static final List<String> VALUED = List.of("url", "item", "title", "link", "time", "date", "summary", "image",
			"time-format", "date-format", "timezone");

	static final String USAGE = """
			Usage:
			  java -jar manchette.jar preview SOURCE-ID [--manchette.feeds=PATH] [--enrich]
			  java -jar manchette.jar preview --url URL --item SELECTOR --title SELECTOR [--link SELECTOR]
			      [--time SELECTOR] [--date SELECTOR] [--summary SELECTOR] [--image SELECTOR]
			      [--time-format PATTERN] [--date-format PATTERN] [--timezone ZONE] [--enrich]

			Fetches a page once and prints what the selectors yield, item by item: the time and date as shown and as
			read, the title, the link and the summary. SOURCE-ID is a type html source of feeds.yml (--manchette.feeds,
			else the environment variable MANCHETTE_FEEDS, else ./feeds.yml). --enrich also reads the article pages of
			the first %d items, as enrich: true does. Nothing is stored and no server is started.
			""".formatted(TickerPreview.MAX_ARTICLES);

	/**
	 * @throws IllegalArgumentException with the message for the operator when the arguments make no sense
	 */
	static PreviewOptions parse(List<String> args) {
		String sourceId = null;
		Path feedsFile = null;
		boolean enrich = false;
		boolean help = false;
		Map<String, String> values = new LinkedHashMap<>();
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			if (!arg.startsWith("--")) {
				if (sourceId != null) {
					throw new IllegalArgumentException("one source at a time: \"" + sourceId + "\" and \"" + arg + "\"");
				}
				sourceId = arg;
				continue;
			}
			int equals = arg.indexOf('=');
			String name = arg.substring(2, (equals < 0) ? arg.length() : equals);
			if (name.equals("enrich") || name.equals("help")) {
				if (equals >= 0) {
					throw new IllegalArgumentException("--" + name + " takes no value");
				}
				enrich |= name.equals("enrich");
				help |= name.equals("help");
				continue;
			}
			if (!name.equals("manchette.feeds") && !VALUED.contains(name)) {
				throw new IllegalArgumentException("unknown option --" + name + " (options: --manchette.feeds, --"
						+ String.join(", --", VALUED) + ", --enrich, --help)");
			}
			String value;
			if (equals >= 0) {
				value = arg.substring(equals + 1);
			}
			else if (i + 1 < args.size()) {
				value = args.get(++i);
			}
			else {
				throw new IllegalArgumentException("--" + name + " needs a value");
			}
			if (name.equals("manchette.feeds")) {
				feedsFile = Path.of(value);
			}
			else if (values.put(name, value) != null) {
				throw new IllegalArgumentException("--" + name + " is given twice");
			}
		}
		String url = values.remove("url");
		if (!help) {
			if (sourceId == null && url == null) {
				throw new IllegalArgumentException("give a SOURCE-ID of feeds.yml, or --url with --item and --title");
			}
			if (sourceId != null && (url != null || !values.isEmpty())) {
				throw new IllegalArgumentException("give either a SOURCE-ID (its selectors come from feeds.yml) or --url "
						+ "and selectors, not both");
			}
		}
		return new PreviewOptions(sourceId, feedsFile, (url != null) ? url(url) : null, Map.copyOf(values), enrich,
				help);
	}

	/** The page's address, spelled as a browser asks for it (a host in any script by its ASCII name). */
	private static URI url(String text) {
		return LinkCanonicalizer.typed(text).orElseThrow(
				() -> new IllegalArgumentException("--url \"" + text + "\" must be an http or https address"));
	}

}
