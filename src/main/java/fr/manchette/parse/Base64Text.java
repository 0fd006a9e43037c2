package fr.manchette.parse;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jdom2.Document;
import org.jdom2.Element;
import org.jspecify.annotations.Nullable;

/**
 * Atom text that its element says is base64, decoded in the tree before it is read: Atom 0.3's
 * {@code mode="base64"}, and Atom 1.0's media types that are neither text nor XML, whose content RFC 4287 (section
 * 4.1.3.3) says is base64. Rome decodes the first with a decoder that fails on the line breaks every encoder writes,
 * and that failure lost the whole feed; the second it leaves encoded, a wall of letters in place of a summary.
 * <p>
 * Text decoded is read as HTML, as an RSS description is: a type such as {@code application/octet-stream} says
 * nothing of markup, and the cleaner makes any markup safe. Base64 of bytes that are not UTF-8 text (a picture) is
 * nothing a reader could see: the element is left empty. Text that is not base64 at all, whatever its element
 * says, is left as written: the publisher wrote text under a wrong label. Atom 1.0 allows no media type on a title or
 * a summary (a text construct is text, html or xhtml); one found there is read by the content's rule, as feedparser
 * does: a publisher who wrote one meant it.
 */
final class Base64Text {

	private static final String ATOM_03 = "http://purl.org/atom/ns#";

	/** The elements whose text is read, of both versions: a link's type names a media type too, never base64. */
	private static final Set<String> TEXT_ELEMENTS = Set.of("title", "subtitle", "tagline", "summary", "content",
			"rights", "copyright", "info");

	private static final Pattern BLANKS = Pattern.compile("[ \\t\\r\\n]+");

	private Base64Text() {
	}

	/** Decodes, in an Atom document, the base64 text of the feed's and of each entry's text elements. */
	static void decode(Document document) {
		Element root = document.getRootElement();
		String uri = root.getNamespaceURI();
		if (!root.getName().equals("feed") || !(uri.equals(ATOM_03) || uri.equals(CommonFormatReader.ATOM_URI))) {
			return;
		}
		boolean atom03 = uri.equals(ATOM_03);
		for (Element child : root.getChildren()) {
			if (child.getName().equals("entry") && child.getNamespaceURI().equals(uri)) {
				for (Element text : child.getChildren()) {
					decode(text, uri, atom03);
				}
			}
			else {
				decode(child, uri, atom03);
			}
		}
	}

	private static void decode(Element element, String uri, boolean atom03) {
		if (!element.getNamespaceURI().equals(uri) || !TEXT_ELEMENTS.contains(element.getName())) {
			return;
		}
		if (atom03 ? !"base64".equals(element.getAttributeValue("mode"))
				: !isBase64Type(element.getAttributeValue("type"))) {
			return;
		}
		if (!element.getChildren().isEmpty()) {
			return;
		}
		String written = element.getText();
		String encoded = BLANKS.matcher(written).replaceAll("");
		byte[] bytes = bytes(encoded);
		if (bytes != null) {
			String decoded = utf8Text(bytes);
			element.setText((decoded != null) ? decoded : "");
		}
		if (atom03) {
			element.setAttribute("mode", "escaped");
		}
		else if (bytes != null) {
			element.setAttribute("type", "html");
		}
	}

	/** The bytes of base64 written whole (padded to four characters), or null when it is not. */
	private static byte @Nullable [] bytes(String encoded) {
		if (encoded.isEmpty() || encoded.length() % 4 != 0) {
			return null;
		}
		try {
			return Base64.getDecoder().decode(encoded);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * Whether an Atom 1.0 type says its element holds base64: a media type (with a slash) that is neither text nor
	 * XML. {@code text}, {@code html} and {@code xhtml} are no media types.
	 */
	static boolean isBase64Type(@Nullable String type) {
		if (type == null || type.indexOf('/') < 0) {
			return false;
		}
		String media = type.strip().toLowerCase(Locale.ROOT);
		int parameters = media.indexOf(';');
		media = (parameters >= 0) ? media.substring(0, parameters).strip() : media;
		return !media.startsWith("text/") && !media.endsWith("/xml") && !media.endsWith("+xml");
	}

	/** The bytes as text when they are UTF-8 without control characters (but tab and line breaks); else null. */
	private static @Nullable String utf8Text(byte[] bytes) {
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f) {
				return null;
			}
		}
		return text;
	}

}
