package fr.manchette.discover;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import fr.manchette.config.Source;
import org.jspecify.annotations.Nullable;

/**
 * A feeds.yml entry for a found feed: an id made from the site's host (the feed's last path segment added when a
 * site has several), the feed's title as its name, its address, and a category when one is known.
 */
record FeedsYmlEntry(String id, String name, URI url, @Nullable String category) {

	/** What {@link Source#ID} refuses, character by character. */
	private static final Pattern NOT_ID = Pattern.compile("[^a-z0-9._-]+");

	/** Entries for the feeds, with ids unique among them and not among {@code taken}. */
	static List<FeedsYmlEntry> of(List<FoundFeed> feeds, URI site, Set<String> taken) {
		List<String> used = new ArrayList<>(taken);
		List<FeedsYmlEntry> entries = new ArrayList<>();
		for (FoundFeed feed : feeds) {
			entries.add(next(feed.url(), site.getHost(), name(feed.title(), site), null, used));
		}
		return entries;
	}

	/**
	 * The entry of a feed whose id is made from {@code host}, unique among {@code used}, to which it is added.
	 */
	static FeedsYmlEntry next(URI url, @Nullable String host, String name, @Nullable String category,
			List<String> used) {
		String base = hostId((host != null) ? host : "site");
		String id = used.contains(base) ? unique(base + "-" + lastSegment(url), used) : base;
		used.add(id);
		return new FeedsYmlEntry(id, name, url, category);
	}

	/** {@code www.le360.ma} → {@code le360}, {@code fr.hespress.com} → {@code fr-hespress}. */
	static String hostId(String host) {
		String lower = host.toLowerCase(Locale.ROOT);
		if (lower.startsWith("www.")) {
			lower = lower.substring(4);
		}
		List<String> labels = new ArrayList<>(List.of(lower.split("\\.")));
		boolean address = lower.chars().allMatch((c) -> Character.isDigit(c) || c == '.');
		if (labels.size() > 1 && !address) {
			labels.remove(labels.size() - 1);
		}
		return clean(String.join("-", labels), "site");
	}

	/** The entry, indented as an item of {@code feeds:}. */
	String yaml() {
		return "  - id: " + this.id + "\n    name: " + quoted(this.name) + "\n    url: " + quoted(this.url.toString())
				+ "\n" + ((this.category != null) ? "    category: " + quoted(this.category) + "\n" : "");
	}

	/** The entry commented out, under a comment that says why and what to do before it is uncommented. */
	String yamlCommentedOut(String why) {
		return "  # " + why + "\n" + yaml().replaceAll("(?m)^  ", "  # ");
	}

	private static String lastSegment(URI url) {
		String path = (url.getPath() != null) ? url.getPath() : "";
		String[] segments = path.split("/");
		String last = (segments.length > 0) ? segments[segments.length - 1] : "";
		int dot = last.lastIndexOf('.');
		return clean((dot > 0) ? last.substring(0, dot) : last, "feed");
	}

	private static String unique(String wanted, List<String> used) {
		String id = wanted;
		for (int n = 2; used.contains(id); n++) {
			id = wanted + "-" + n;
		}
		return id;
	}

	private static String clean(String text, String otherwise) {
		String id = NOT_ID.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("-").replaceAll("^[^a-z0-9]+|-+$", "");
		id = (id.length() > Source.MAX_ID_LENGTH) ? id.substring(0, Source.MAX_ID_LENGTH) : id;
		return id.isEmpty() ? otherwise : id;
	}

	/** The feed's title, one line of text already ({@link FoundFeed}), else the site's host. */
	private static String name(@Nullable String title, URI site) {
		return (title != null) ? title : String.valueOf(site.getHost());
	}

	/** A YAML double-quoted scalar: safe whatever a title holds (colons, quotes, a leading « or #). */
	private static String quoted(String text) {
		StringBuilder quoted = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> quoted.append("\\\"");
				case '\\' -> quoted.append("\\\\");
				default -> {
					if (c < 0x20) {
						quoted.append(' ');
					}
					else {
						quoted.append(c);
					}
				}
			}
		}
		return quoted.append('"').toString();
	}

}
