package fr.manchette.publish;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Escaping for the pages we write by hand. Titles, names and errors come from the web and from feeds.yml, so every
 * one of them goes through {@link #escape} whether it lands in text or in a quoted attribute.
 */
final class Html {

	private Html() {
	}

	/** Safe in element text and in a double- or single-quoted attribute value. */
	static String escape(@Nullable String text) {
		if (text == null) {
			return "";
		}
		StringBuilder escaped = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> escaped.append("&amp;");
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '"' -> escaped.append("&quot;");
				case '\'' -> escaped.append("&#39;");
				default -> escaped.append(c);
			}
		}
		return escaped.toString();
	}

	/**
	 * A link we may put in an {@code href}: http(s) only. The normalizer already drops other schemes; this keeps a
	 * {@code javascript:} URL out of the page should one ever reach the store another way.
	 */
	static @Nullable String safeHref(@Nullable String url) {
		if (url == null) {
			return null;
		}
		String lower = url.trim().toLowerCase(Locale.ROOT);
		return (lower.startsWith("http://") || lower.startsWith("https://")) ? url.trim() : null;
	}

}
