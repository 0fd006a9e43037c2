package fr.manchette.dedup;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

/**
 * One spelling for the variants of an article's link that publishers serve to phones and to Google AMP:
 * {@code amp.}, {@code m.}, {@code mobile.} and {@code www.} hosts, an {@code /amp} path segment, a {@code .amp}
 * file name, and {@code ?outputType=amp}, {@code ?amp=1}. Used for the story key only: the item keeps its link.
 */
final class LinkVariants {

	private static final List<String> HOST_PREFIXES = List.of("www.", "amp.", "m.", "mobile.");

	/** Parameters that only ask for the AMP page: {@code ?outputType=amp}, {@code ?output=amp}. */
	private static final Set<String> AMP_SWITCHES = Set.of("outputtype", "output", "format", "view", "template");

	/** A page's file name suffixes that may follow {@code .amp}. */
	private static final List<String> PAGE_SUFFIXES = List.of(".html", ".htm");

	private LinkVariants() {
	}

	static String fold(URI link) {
		String scheme = (link.getScheme() != null) ? link.getScheme().toLowerCase(Locale.ROOT) : "https";
		String host = (link.getRawAuthority() != null) ? link.getRawAuthority().toLowerCase(Locale.ROOT) : "";
		boolean stripped = true;
		while (stripped) {
			stripped = false;
			for (String prefix : HOST_PREFIXES) {
				// Keep at least a name and a suffix: "m.ma" is not a mobile host.
				if (host.startsWith(prefix) && host.substring(prefix.length()).contains(".")) {
					host = host.substring(prefix.length());
					stripped = true;
				}
			}
		}
		String path = (link.getRawPath() != null) ? link.getRawPath() : "";
		StringJoiner segments = new StringJoiner("/");
		String[] parts = path.split("/", -1);
		boolean ampLast = false;
		for (int i = 0; i < parts.length; i++) {
			String segment = parts[i];
			if (segment.equalsIgnoreCase("amp") && i > 0) {
				ampLast = true;
				continue;
			}
			ampLast &= segment.isEmpty();
			segments.add(withoutAmpSuffix(segment));
		}
		String foldedPath = segments.toString();
		// "/article.html/amp" and "/article.html/amp/" are "/article.html".
		if (ampLast && foldedPath.length() > 1 && foldedPath.endsWith("/")) {
			foldedPath = foldedPath.substring(0, foldedPath.length() - 1);
		}
		if (foldedPath.isEmpty()) {
			foldedPath = "/";
		}
		String query = foldQuery(link.getRawQuery());
		return scheme + "://" + host + foldedPath + (query.isEmpty() ? "" : "?" + query);
	}

	/**
	 * The segment without a final {@code .amp} ({@code article.amp} is {@code article}) or the {@code .amp} of a final
	 * {@code .amp.html} / {@code .amp.htm}, any case: by hand, as a regex compiled for each segment of each link cost
	 * more than the rest of the story key.
	 */
	static String withoutAmpSuffix(String segment) {
		int length = segment.length();
		if (endsWithIgnoringCase(segment, ".amp")) {
			return segment.substring(0, length - 4);
		}
		for (String page : PAGE_SUFFIXES) {
			int cut = length - page.length() - 4;
			if (endsWithIgnoringCase(segment, page) && cut >= 0 && segment.regionMatches(true, cut, ".amp", 0, 4)) {
				return segment.substring(0, cut) + segment.substring(cut + 4);
			}
		}
		return segment;
	}

	private static boolean endsWithIgnoringCase(String text, String suffix) {
		int from = text.length() - suffix.length();
		return from >= 0 && text.regionMatches(true, from, suffix, 0, suffix.length());
	}

	private static String foldQuery(String query) {
		if (query == null || query.isEmpty()) {
			return "";
		}
		StringJoiner kept = new StringJoiner("&");
		for (String parameter : query.split("&")) {
			int equals = parameter.indexOf('=');
			String name = ((equals >= 0) ? parameter.substring(0, equals) : parameter).toLowerCase(Locale.ROOT);
			String value = (equals >= 0) ? parameter.substring(equals + 1).toLowerCase(Locale.ROOT) : "";
			boolean amp = name.equals("amp") || name.equals("_amp") || name.startsWith("amp_")
					|| (AMP_SWITCHES.contains(name) && value.equals("amp"));
			if (!amp && !parameter.isEmpty()) {
				kept.add(parameter);
			}
		}
		return kept.toString();
	}

}
