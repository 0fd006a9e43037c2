package fr.manchette.normalize;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link UriReference}'s hand-written readings, held on drawn references to the plain forms they replace: RFC 3986's
 * regular expression, its dot-segment loop run on every path (the shortcut that skips paths without a dot segment
must change nothing), and the encoding of every character.
 */
class UriReferenceTests {

	private static final Pattern REFERENCE = Pattern
		.compile("^(?:([^:/?#]+):)?(?://([^/?#]*))?([^?#]*)(?:\\?([^#]*))?");

	private static final Pattern SCHEME = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*");

	private static final String ALPHABET = "ab:/?#.%1F é+-&=";

	@Test
	void drawnReferencesSplitAsTheRegularExpressionSplitsThem() {
		Random random = new Random(3986);
		for (int n = 0; n < 50_000; n++) {
			String reference = drawn(random, 12);
			assertThat(UriReference.parse(reference)).as(reference).isEqualTo(byRegex(reference));
		}
		assertThat(UriReference.parse("https://a.example:8080/p/q.html?x=1#f"))
			.isEqualTo(new UriReference("https", "a.example:8080", "/p/q.html", "x=1"));
		assertThat(UriReference.parse("2025/05/16/bilan: la suite?x"))
			.isEqualTo(new UriReference(null, null, "2025/05/16/bilan: la suite", "x"));
	}

	@Test
	void drawnPathsLoseTheirDotSegmentsAsTheLoopRemovesThem() {
		Random random = new Random(524);
		for (int n = 0; n < 50_000; n++) {
			String path = drawn(random, 10).replace('?', '/').replace('#', '.');
			assertThat(UriReference.removeDotSegments(path)).as(path).isEqualTo(UriReference.removeEachDotSegment(path));
		}
		assertThat(UriReference.removeDotSegments("/a/b/../c/./d.html")).isEqualTo("/a/c/d.html");
		assertThat(UriReference.removeDotSegments("/a/.b/c..d/...")).isEqualTo("/a/.b/c..d/...");
	}

	@Test
	void drawnComponentsAreEncodedAsEachCharacterIsEncoded() {
		Random random = new Random(2396);
		for (int n = 0; n < 50_000; n++) {
			String component = drawn(random, 10);
			assertThat(UriReference.encode(component)).as(component).isEqualTo(byCharacter(component));
		}
		assertThat(UriReference.encode("/a%20b%zz é")).isEqualTo("/a%20b%25zz%20%C3%A9");
	}

	private static String drawn(Random random, int longest) {
		StringBuilder text = new StringBuilder();
		int length = random.nextInt(longest + 1);
		for (int i = 0; i < length; i++) {
			text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return text.toString();
	}

	private static UriReference byRegex(String reference) {
		Matcher matcher = REFERENCE.matcher(reference);
		matcher.find();
		String scheme = matcher.group(1);
		if (scheme != null && !SCHEME.matcher(scheme).matches()) {
			int question = reference.indexOf('?');
			return (question < 0) ? new UriReference(null, null, reference, null) : new UriReference(null, null,
					reference.substring(0, question), reference.substring(question + 1));
		}
		return new UriReference(scheme, matcher.group(2), matcher.group(3), matcher.group(4));
	}

	private static String byCharacter(String component) {
		StringBuilder encoded = new StringBuilder();
		for (int i = 0; i < component.length(); i++) {
			char c = component.charAt(i);
			if (c == '%' && i + 2 < component.length() && Character.digit(component.charAt(i + 1), 16) >= 0
					&& Character.digit(component.charAt(i + 2), 16) >= 0) {
				encoded.append('%');
			}
			else if (c < 0x80 && (Character.isLetterOrDigit(c) || "-_.!~*'();/?:@&=+$,".indexOf(c) >= 0)) {
				encoded.append(c);
			}
			else {
				for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
					encoded.append('%').append(String.format("%02X", b & 0xFF));
				}
			}
		}
		return encoded.toString();
	}

}
