package fr.manchette.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Function;

/**
 * A feeds.yml for a test, as an operator would write it: the settings at the top (time zone, poll defaults, rules),
 * then one entry a source. Each source is given its id, name and URL, and any more keys as YAML lines of their own;
 * the file reads like the README's examples, whatever the test builds it from.
 */
public final class FeedsYml {

	private final StringBuilder settings = new StringBuilder();

	private final StringBuilder feeds = new StringBuilder();

	private FeedsYml() {
	}

	/** A file with {@code timezone} set, as most tests want it. */
	public static FeedsYml inZone(String timezone) {
		return new FeedsYml().settings("timezone: " + timezone);
	}

	/** A file without a time zone: the service's default one. */
	public static FeedsYml withDefaults() {
		return new FeedsYml();
	}

	/** Top-level YAML besides {@code feeds}, e.g. {@code "poll:\n  timeout: 5s"} or a {@code drop:} list. */
	public FeedsYml settings(String yaml) {
		this.settings.append(yaml.stripTrailing()).append('\n');
		return this;
	}

	/** A source named after its id. */
	public FeedsYml source(String id, String url) {
		return source(id, id, url);
	}

	/**
	 * A source, with more of its keys as YAML lines (nested keys indented from the start of these lines, as in
	 * feeds.yml under the source), e.g. {@code "category: sport"} or {@code "type: html\nselect:\n  item: li"}.
	 */
	public FeedsYml source(String id, String name, String url, String... more) {
		this.feeds.append("  - id: ").append(id).append('\n');
		this.feeds.append("    name: ").append(name).append('\n');
		this.feeds.append("    url: ").append(url).append('\n');
		for (String keys : more) {
			keys.stripIndent().strip().lines().forEach((line) -> this.feeds.append("    ").append(line).append('\n'));
		}
		return this;
	}

	/** One source a id, each named after its id, at the URL {@code url} gives for it. */
	public FeedsYml sources(List<String> ids, Function<String, String> url) {
		ids.forEach((id) -> source(id, url.apply(id)));
		return this;
	}

	/**
	 * Writes the file, replacing what was there: the service re-reads it within its reload interval. Written beside it
	 * and moved in place, so that a service re-reading it meanwhile reads the old file or the new one, never one cut
	 * short (empty, or a valid file of fewer sources).
	 */
	public Path writeTo(Path file) throws IOException {
		Path next = Files.writeString(file.resolveSibling(file.getFileName() + ".next"), toString());
		return Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	@Override
	public String toString() {
		return this.settings + "feeds:\n" + this.feeds;
	}

}
