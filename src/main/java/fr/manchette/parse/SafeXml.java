package fr.manchette.parse;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jdom2.Document;
import org.jdom2.JDOMException;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.XMLReaders;
import org.jspecify.annotations.Nullable;
import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Builds a JDOM document from feed text with no DTD and no entity of any kind resolved: an XXE or a billion-laughs
 * payload is refused before a single entity is expanded, and nothing is ever read from disk or network.
 */
final class SafeXml {

	/** A DOCTYPE with an internal subset is where entities are declared; nothing legitimate needs one in a feed. */
	private static final Pattern DOCTYPE = Pattern.compile("<!DOCTYPE[^>\\[]*(\\[)?", Pattern.CASE_INSENSITIVE);

	/** Characters XML 1.0 forbids; some CMSs leak them from pasted text. */
	private static final Pattern FORBIDDEN_CHARS = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]");

	/** The first element: a DOCTYPE can only come before it. */
	private static final Pattern ROOT_ELEMENT = Pattern.compile("<[A-Za-z_]");

	/** Any DTD markup at all, wherever it hides (after a comment, in a damaged prolog). */
	private static final Pattern DTD_MARKUP = Pattern.compile("<!(DOCTYPE|ENTITY)", Pattern.CASE_INSENSITIVE);

	/**
	 * One builder per thread, which keeps its configured parser between documents (JDOM's reuseParser): making the
	 * JAXP parser anew was a tenth of the cost of a small feed. The parser is reset by each parse; the features below
	 * are set once and never change.
	 */
	private static final ThreadLocal<SAXBuilder> BUILDER = ThreadLocal.withInitial(() -> builder(true));

	/** For XML 1.1 documents, whose checks are JDOM's as well as the parser's (see {@link #builder(boolean)}). */
	private static final ThreadLocal<SAXBuilder> CHECKING_BUILDER = ThreadLocal.withInitial(() -> builder(false));

	private SafeXml() {
	}

	static Document parse(String text) throws FeedParseException {
		return build(prepare(text));
	}

	/** Parses text that has been through {@link #prepare(String)}. */
	static Document build(String prepared) throws FeedParseException {
		return build(new StringReader(prepared), declaresXml11(prepared));
	}

	private static Document build(Reader prepared, boolean xml11) throws FeedParseException {
		try {
			SAXBuilder builder = xml11 ? CHECKING_BUILDER.get() : BUILDER.get();
			return builder.build(new InputSource(prepared));
		}
		catch (JDOMException ex) {
			throw FeedParseException.malformed(ParseDetail.MALFORMED_XML.with(ex.getMessage()), ex);
		}
		catch (IOException ex) {
			throw FeedParseException.malformed(ParseDetail.UNREADABLE_XML.with(ex.getMessage()), ex);
		}
	}

	/**
	 * The document, read at once from the text as served when its prolog holds no DOCTYPE: what most feeds are; null
	 * when it must go the way of {@link #prepare(String)} then {@link #build(String)}, which then gives what it always
	 * gave. Reading at once spares the scan of every character for those XML forbids: the parser refuses each of them
	 * wherever it is, so a document it reads holds none, and its preparation would have been the text left-stripped.
	 * Any failure here (not well-formed, a forbidden character) is left to that way, never reported from here.
	 */
	static @Nullable Document parseUnprepared(String text) {
		String stripped = text.stripLeading();
		Matcher root = ROOT_ELEMENT.matcher(stripped);
		int prologEnd = root.find() ? root.start() : stripped.length();
		if (DOCTYPE.matcher(stripped).region(0, prologEnd).find()) {
			return null;
		}
		try {
			return build(stripped);
		}
		catch (FeedParseException | RuntimeException ex) {
			return null;
		}
	}

	/**
	 * {@link #parseUnprepared(String)} of a text given as its start and a reader of the whole, read by the parser as it
	 * is decoded; null also when the start is too short to tell what the whole text would: the prolog or the XML
	 * declaration goes on past it.
	 */
	static @Nullable Document parseUnprepared(FeedText.Utf8Start text) {
		String stripped = unpreparedStart(text);
		if (stripped == null) {
			return null;
		}
		try {
			return build(unpreparedReader(text, stripped), declaresXml11(stripped));
		}
		catch (FeedParseException | IOException | RuntimeException ex) {
			return null;
		}
	}

	/**
	 * The events of the document that {@link #parseUnprepared(FeedText.Utf8Start)} would read, given to the handler
	 * by a parser with the same refusals as the builder's; false, with no event, when that would not read it at once,
	 * or when it says XML 1.1 (whose reading is left to JDOM's checks). What the parser refuses is thrown, as is what
	 * the handler throws.
	 */
	static boolean readUnprepared(FeedText.Utf8Start text, ContentHandler handler) throws SAXException, IOException {
		String stripped = unpreparedStart(text);
		if (stripped == null || declaresXml11(stripped)) {
			return false;
		}
		XMLReader reader = READER.get();
		reader.setContentHandler(handler);
		try {
			reader.parse(new InputSource(unpreparedReader(text, stripped)));
		}
		finally {
			// The handler holds what it read: not kept by the thread.
			reader.setContentHandler(NO_HANDLER);
		}
		return true;
	}

	/**
	 * The name of the root element as written (with its prefix) when the document can be read at once (see
	 * {@link #parseUnprepared(FeedText.Utf8Start)}) and its start shows the name whole, after the declaration,
	 * comments (which may hold markup) and processing instructions; null otherwise.
	 */
	static @Nullable String rootName(FeedText.Utf8Start text) {
		String stripped = unpreparedStart(text);
		if (stripped == null) {
			return null;
		}
		int at = 0;
		while (at < stripped.length()) {
			if (isNameEnd(stripped.charAt(at)) && stripped.charAt(at) != '>' && stripped.charAt(at) != '/') {
				at++;
			}
			else if (stripped.startsWith("<!--", at)) {
				int end = stripped.indexOf("-->", at + 4);
				at = (end < 0) ? stripped.length() : end + 3;
			}
			else if (stripped.startsWith("<?", at)) {
				int end = stripped.indexOf("?>", at + 2);
				at = (end < 0) ? stripped.length() : end + 2;
			}
			else {
				break;
			}
		}
		if (at + 1 >= stripped.length() || stripped.charAt(at) != '<') {
			return null;
		}
		int end = at + 1;
		while (end < stripped.length() && !isNameEnd(stripped.charAt(end))) {
			end++;
		}
		return (end < stripped.length() && end > at + 1) ? stripped.substring(at + 1, end) : null;
	}

	private static boolean isNameEnd(char c) {
		return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '>' || c == '/';
	}

	/** The start left-stripped when the document can be read at once, else null (see parseUnprepared). */
	private static @Nullable String unpreparedStart(FeedText.Utf8Start text) {
		String head = text.head();
		String stripped = head.stripLeading();
		Matcher root = ROOT_ELEMENT.matcher(stripped);
		int prologEnd;
		if (root.find()) {
			prologEnd = root.start();
		}
		else if (text.whole()) {
			prologEnd = stripped.length();
		}
		else {
			return null;
		}
		if (DOCTYPE.matcher(stripped).region(0, prologEnd).find()
				|| (!text.whole() && stripped.startsWith("<?xml") && stripped.indexOf("?>") < 0)) {
			return null;
		}
		return stripped;
	}

	private static Reader unpreparedReader(FeedText.Utf8Start text, String stripped) throws IOException {
		Reader reader = text.reader();
		reader.skip(text.head().length() - stripped.length());
		return reader;
	}

	/**
	 * Refuses a DOCTYPE with declarations, and drops a bare one (RSS 0.91's Netscape DTD reference) so that the
	 * parser, which forbids every DOCTYPE, can read the rest.
	 */
	static String prepare(String text) throws FeedParseException {
		// Blank lines before the XML declaration (a PHP include's newline) make it illegal; Rome's own reader trims them.
		String cleaned = (hasForbiddenChars(text) ? FORBIDDEN_CHARS.matcher(text).replaceAll("") : text).stripLeading();
		Matcher root = ROOT_ELEMENT.matcher(cleaned);
		int prologEnd = root.find() ? root.start() : cleaned.length();
		Matcher doctype = DOCTYPE.matcher(cleaned).region(0, prologEnd);
		if (doctype.find()) {
			if (doctype.group(1) != null) {
				throw FeedParseException.malformed(ParseDetail.ENTITIES_REFUSED.with(), null);
			}
			int end = cleaned.indexOf('>', doctype.start());
			cleaned = cleaned.substring(0, doctype.start()) + cleaned.substring(end + 1);
		}
		return cleaned;
	}

	/** What {@code FORBIDDEN_CHARS} finds, by a scan that most documents pass without a regex match attempt per char. */
	private static boolean hasForbiddenChars(String text) {
		// Copied a piece at a time into a small array, not read with charAt: French text is stored as UTF-16, whose
		// charAt checks its index on every call; and not copied whole, which was twice the document's size in garbage.
		char[] piece = new char[Math.min(text.length(), 4096)];
		for (int start = 0; start < text.length(); start += piece.length) {
			int end = Math.min(text.length(), start + piece.length);
			text.getChars(start, end, piece, 0);
			for (int i = 0; i < end - start; i++) {
				char c = piece[i];
				if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == '\uFFFE' || c == '\uFFFF') {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * True when the text holds a DOCTYPE or an entity declaration anywhere. Such a document is never rebuilt by a
	 * lenient parser: its entities are the DTD's to define, which we refuse to read, and a lenient parser would keep
	 * what the strict one refused.
	 */
	static boolean mentionsDtd(String text) {
		return DTD_MARKUP.matcher(text).find();
	}

	/**
	 * True when the XML declaration may say version 1.1 (any "1.1" in it), whose control characters written as
	 * references ({@code &#1;}) the parser accepts and JDOM's checks refuse.
	 */
	static boolean declaresXml11(String prepared) {
		if (!prepared.startsWith("<?xml")) {
			return false;
		}
		int end = prepared.indexOf("?>");
		return prepared.substring(0, (end < 0) ? prepared.length() : end).contains("1.1");
	}

	/**
	 * The parser with every DTD and entity refused. Unchecked, JDOM takes the names and text as the parser read them
	 * instead of checking each again (a tenth of reading a feed): an XML 1.0 parser has refused every name and
	 * character that JDOM would, and the namespaces are still checked by JDOM's {@code Namespace}. XML 1.1 lets
	 * through characters that JDOM's checks refuse, which then made the document go to recovery: those keep the checks
	 * (and the frame's blanks, which nothing reads either way: see {@link FeedTreeFactory}).
	 */
	private static SAXBuilder builder(boolean unchecked) {
		SAXBuilder builder = new SAXBuilder();
		if (unchecked) {
			builder.setJDOMFactory(new FeedTreeFactory());
		}
		REFUSALS.forEach(builder::setFeature);
		builder.setExpandEntities(false);
		builder.setReuseParser(true);
		builder.setEntityResolver(SafeXml::refuseEntity);
		return builder;
	}

	/** The parser's features that refuse every DTD and external entity: the builder's and the reader's. */
	private static final Map<String, Boolean> REFUSALS = Map.of(
			"http://apache.org/xml/features/disallow-doctype-decl", true,
			"http://xml.org/sax/features/external-general-entities", false,
			"http://xml.org/sax/features/external-parameter-entities", false,
			"http://apache.org/xml/features/nonvalidating/load-external-dtd", false);

	private static InputSource refuseEntity(String publicId, String systemId) throws IOException {
		throw new IOException("external entity refused: " + systemId);
	}

	/** One per thread, as the builders: the parser the builder would use, configured as the builder configures it. */
	private static final ThreadLocal<XMLReader> READER = ThreadLocal.withInitial(SafeXml::reader);

	private static final ContentHandler NO_HANDLER = new DefaultHandler();

	private static XMLReader reader() {
		try {
			XMLReader reader = XMLReaders.NONVALIDATING.createXMLReader();
			reader.setFeature("http://xml.org/sax/features/namespaces", true);
			reader.setFeature("http://xml.org/sax/features/namespace-prefixes", true);
			for (Map.Entry<String, Boolean> refusal : REFUSALS.entrySet()) {
				reader.setFeature(refusal.getKey(), refusal.getValue());
			}
			reader.setEntityResolver(SafeXml::refuseEntity);
			// JDOM's builder stops at errors as well as fatal errors; warnings pass.
			reader.setErrorHandler(new DefaultHandler() {
				@Override
				public void error(SAXParseException ex) throws SAXException {
					throw ex;
				}

				@Override
				public void fatalError(SAXParseException ex) throws SAXException {
					throw ex;
				}
			});
			return reader;
		}
		catch (JDOMException | SAXException ex) {
			throw new IllegalStateException("no XML parser with the refusals this reader needs", ex);
		}
	}

}
