package fr.manchette.parse;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The charset an HTML page declares in its {@code <meta>} (HTML's prescan, in the first 1024 bytes), for a page whose
 * Content-Type says none. {@link FeedText} then checks the claim against the bytes, as it does for feeds.
 */
final class HtmlCharset {

	private static final int PRESCAN_BYTES = 1024;

	/** {@code <meta charset="windows-1252">} and {@code <meta http-equiv=... content="text/html; charset=...">}. */
	private static final Pattern META_CHARSET = Pattern
		.compile("<meta\\s[^>]*?charset\\s*=\\s*[\"']?([A-Za-z][A-Za-z0-9._:-]*)", Pattern.CASE_INSENSITIVE);

	private HtmlCharset() {
	}

	/** The Content-Type to decode with: the header when it names a charset, else one built from the page's meta. */
	static @Nullable String contentType(byte[] body, @Nullable String contentType) {
		if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("charset")) {
			return contentType;
		}
		String start = new String(body, 0, Math.min(body.length, PRESCAN_BYTES), StandardCharsets.ISO_8859_1);
		Matcher meta = META_CHARSET.matcher(start);
		return meta.find() ? "text/html; charset=" + meta.group(1) : contentType;
	}

}
