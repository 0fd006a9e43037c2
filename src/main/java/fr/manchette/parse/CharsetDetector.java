package fr.manchette.parse;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The charset a body claims, in the order of RFC 7303 section 3: the BOM, then the Content-Type's charset parameter,
 * then the XML declaration, then UTF-8. RFC 3023's US-ASCII default for a text/xml without charset is gone (RFC 7303
 * section 3.2 dropped it): it garbled every UTF-8 feed served that way. Whether the claim is true is for
 * {@link FeedText} to check.
 */
final class CharsetDetector {

	private static final Pattern CHARSET_PARAMETER = Pattern.compile(";\\s*charset\\s*=\\s*[\"']?([^\"';\\s]+)",
			Pattern.CASE_INSENSITIVE);

	/** After optional leading blank lines, which some servers emit and Rome's own reader tolerated. */
	private static final Pattern PROLOG_ENCODING = Pattern
		.compile("\\A\\s*<\\?xml\\s[^>]*?\\bencoding\\s*=\\s*[\"']([A-Za-z][A-Za-z0-9._:-]*)[\"']");

	private static final int PROLOG_BYTES = 1024;

	private CharsetDetector() {
	}

	/**
	 * What the body claims.
	 * @param charset the charset to decode with
	 * @param bomLength how many bytes of byte order mark come before the text
	 */
	record Declared(Charset charset, int bomLength) {
	}

	static Declared detect(byte[] body, @Nullable String contentType) {
		Declared bom = bom(body);
		if (bom != null) {
			return bom;
		}
		// A document in UTF-16 or UTF-32 without a BOM still shows its first "<" next to zero bytes (XML 1.0 appendix
		// F): no label can make those bytes ASCII-compatible.
		Charset wide = wideWithoutBom(body);
		if (wide != null) {
			return new Declared(wide, 0);
		}
		Charset header = usable(charsetParameter(contentType));
		if (header != null) {
			return new Declared(header, 0);
		}
		Charset prolog = usable(prologEncoding(body));
		return new Declared((prolog != null) ? prolog : StandardCharsets.UTF_8, 0);
	}

	private static @Nullable Declared bom(byte[] body) {
		if (startsWith(body, 0xEF, 0xBB, 0xBF)) {
			return new Declared(StandardCharsets.UTF_8, 3);
		}
		// UTF-32LE's BOM begins like UTF-16LE's: test it first.
		if (startsWith(body, 0xFF, 0xFE, 0x00, 0x00)) {
			return new Declared(Charset.forName("UTF-32LE"), 4);
		}
		if (startsWith(body, 0x00, 0x00, 0xFE, 0xFF)) {
			return new Declared(Charset.forName("UTF-32BE"), 4);
		}
		if (startsWith(body, 0xFE, 0xFF)) {
			return new Declared(StandardCharsets.UTF_16BE, 2);
		}
		if (startsWith(body, 0xFF, 0xFE)) {
			return new Declared(StandardCharsets.UTF_16LE, 2);
		}
		return null;
	}

	private static @Nullable Charset wideWithoutBom(byte[] body) {
		if (startsWith(body, '<', 0, 0, 0)) {
			return Charset.forName("UTF-32LE");
		}
		if (startsWith(body, 0, 0, 0, '<')) {
			return Charset.forName("UTF-32BE");
		}
		if (body.length < 4) {
			return null;
		}
		if (body[0] == '<' && body[1] == 0 && body[2] != 0 && body[3] == 0) {
			return StandardCharsets.UTF_16LE;
		}
		if (body[0] == 0 && body[1] == '<' && body[2] == 0 && body[3] != 0) {
			return StandardCharsets.UTF_16BE;
		}
		return null;
	}

	private static @Nullable String charsetParameter(@Nullable String contentType) {
		if (contentType == null) {
			return null;
		}
		Matcher matcher = CHARSET_PARAMETER.matcher(contentType);
		return matcher.find() ? matcher.group(1) : null;
	}

	private static @Nullable String prologEncoding(byte[] body) {
		String start = new String(body, 0, Math.min(body.length, PROLOG_BYTES), StandardCharsets.ISO_8859_1);
		Matcher matcher = PROLOG_ENCODING.matcher(start);
		return matcher.find() ? matcher.group(1) : null;
	}

	/**
	 * A charset Java knows and that can be true of bytes read this far: a body that reached here has neither a BOM
	 * nor the zero bytes of UTF-16 around its first "<", so a UTF-16 or UTF-32 label on it is a mistake (a CMS
	 * copying its internal string type into the declaration).
	 */
	private static @Nullable Charset usable(@Nullable String name) {
		if (name == null) {
			return null;
		}
		try {
			Charset charset = Charset.forName(name);
			String canonical = charset.name().toUpperCase(Locale.ROOT);
			return (canonical.startsWith("UTF-16") || canonical.startsWith("UTF-32")) ? null : charset;
		}
		catch (IllegalCharsetNameException | UnsupportedCharsetException ex) {
			return null;
		}
	}

	private static boolean startsWith(byte[] body, int... prefix) {
		if (body.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((body[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}
