package fr.manchette.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1) into the records RSS and Atom give, so that the same
 * normalization applies (each item by {@link JsonFeedItem}). The document is read as a stream, each item kept as a small tree up to
 * {@link FeedParser#MAX_ITEMS} and the rest skipped unbuilt; nesting, string and number sizes are bounded by
 * {@link StreamReadConstraints}, the body's size by the fetcher. A value of the wrong type is no value (a number as
 * an id is its digits, as the spec asks), never a crash.
 */
final class JsonFeedReader {

	/** A feed needs five levels (feed, items, item, authors, author); extensions get room, a bomb does not. */
	static final int MAX_DEPTH = 64;

	/** Far beyond any article; the normalizer keeps 100 000 characters of a summary anyway. */
	static final int MAX_STRING = 4 * 1024 * 1024;

	private static final Pattern VERSION = Pattern
		.compile("https?://(?:www\\.)?jsonfeed\\.org/version/([0-9]+(?:\\.[0-9]+)*)/?", Pattern.CASE_INSENSITIVE);

	private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
		.streamReadConstraints(StreamReadConstraints.builder()
			.maxNestingDepth(MAX_DEPTH)
			.maxStringLength(MAX_STRING)
			.maxNameLength(1000)
			.maxNumberLength(100)
			.build())
		.build())
		// Each item is read as a tree in the middle of the document: what follows it is the next item, not trailing.
		.disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private @Nullable String version;

	private @Nullable String title;

	private @Nullable String homePageUrl;

	private @Nullable String feedUrl;

	private @Nullable String language;

	private @Nullable String author;

	private @Nullable List<JsonNode> items;

	private final List<String> hubs = new ArrayList<>();

	private boolean itemsNotAnArray;

	/** The text ended before the feed's object closed. */
	private boolean endedEarly;

	/** Whether the document had a {@code version}, JSON Feed's or another. */
	private boolean versionRead;

	private JsonFeedReader() {
	}

	/**
	 * Whether to read the text as JSON: it opens an object, which no XML does, or the server says JSON and the text
	 * is not markup (a feed served as application/json by a misconfigured server is still read as what it is).
	 */
	static boolean isJson(String text, @Nullable String contentType) {
		String start = text.stripLeading();
		if (start.startsWith("{")) {
			return true;
		}
		if (contentType == null || start.startsWith("<")) {
			return false;
		}
		String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
		return type.equals("application/json") || type.endsWith("+json");
	}

	static ParsedFeed read(String text) throws FeedParseException {
		return new JsonFeedReader().parse(text);
	}

	private ParsedFeed parse(String text) throws FeedParseException {
		try (JsonParser parser = JSON.createParser(text)) {
			readFeed(parser);
		}
		catch (StreamConstraintsException ex) {
			throw FeedParseException.malformed(ParseDetail.JSON_TOO_BIG.with(ex.getOriginalMessage()), ex);
		}
		catch (JacksonException ex) {
			// A document that ends early keeps the items read whole, as a truncated XML feed does; its version may be
			// in the part that did not come (keys in alphabetical order put it after the items).
			this.endedEarly = endsAtTheError(text, ex.getLocation());
			if (this.items == null || this.items.isEmpty() || !(isJsonFeed() || versionCut())) {
				throw FeedParseException.malformed(ParseDetail.MALFORMED_JSON.with(ex.getOriginalMessage()), ex);
			}
		}
		if (!isJsonFeed() && !versionCut()) {
			throw FeedParseException.notAFeed(ParseDetail.JSON_WITHOUT_VERSION.with());
		}
		if (this.itemsNotAnArray || this.items == null) {
			throw FeedParseException.malformed(ParseDetail.JSON_ITEMS_NOT_A_LIST.with(), null);
		}
		BaseChain base = BaseChain.NONE.then((this.homePageUrl != null) ? this.homePageUrl : this.feedUrl);
		List<RawItem> raw = new ArrayList<>(this.items.size());
		for (JsonNode item : this.items) {
			raw.add(JsonFeedItem.read(item, base, this.language, this.author));
		}
		return new ParsedFeed(format(), Mojibake.repair(this.title), this.homePageUrl, raw, null, this.hubs,
				this.feedUrl, this.endedEarly);
	}

	private void readFeed(JsonParser parser) throws FeedParseException {
		if (parser.nextToken() != JsonToken.START_OBJECT) {
			throw FeedParseException.notAFeed(ParseDetail.JSON_NOT_AN_OBJECT.with());
		}
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = parser.currentName();
			JsonToken value = parser.nextToken();
			switch (name) {
				case "version" -> {
					this.version = scalar(parser);
					// Once its value is read whole: a version cut in the middle is one that did not come.
					this.versionRead = true;
				}
				case "title" -> this.title = scalar(parser);
				case "home_page_url" -> this.homePageUrl = scalar(parser);
				case "feed_url" -> this.feedUrl = scalar(parser);
				case "language" -> this.language = scalar(parser);
				case "authors", "author" -> this.author = JsonFeedItem.author(JSON.readTree(parser));
				case "items" -> readItems(parser, value);
				case "hubs" -> readHubs(parser, value);
				default -> parser.skipChildren();
			}
		}
	}

	/** The first {@link FeedParser#MAX_ITEMS} objects; what is not an object is no item, and skipped. */
	private void readItems(JsonParser parser, @Nullable JsonToken value) {
		if (value != JsonToken.START_ARRAY) {
			this.itemsNotAnArray = this.items == null;
			parser.skipChildren();
			return;
		}
		if (this.items != null) {
			// A second "items": the first one stands.
			parser.skipChildren();
			return;
		}
		this.items = new ArrayList<>();
		this.itemsNotAnArray = false;
		for (JsonToken token = parser.nextToken(); token != null && token != JsonToken.END_ARRAY; token = parser
			.nextToken()) {
			if (token == JsonToken.START_OBJECT && this.items.size() < FeedParser.MAX_ITEMS) {
				this.items.add(JSON.readTree(parser));
			}
			else {
				parser.skipChildren();
			}
		}
	}

	/**
	 * The WebSub hubs of {@code hubs}: objects whose {@code type} is WebSub (the spec's example writes it so; any case
	 * is taken) and whose {@code url} is a string. Other types (rssCloud) are not ours to use.
	 */
	private void readHubs(JsonParser parser, @Nullable JsonToken value) {
		if (value != JsonToken.START_ARRAY) {
			parser.skipChildren();
			return;
		}
		for (JsonToken token = parser.nextToken(); token != null && token != JsonToken.END_ARRAY; token = parser
			.nextToken()) {
			if (token != JsonToken.START_OBJECT) {
				parser.skipChildren();
				continue;
			}
			JsonNode hub = JSON.readTree(parser);
			String type = JsonFeedItem.string(hub.get("type"));
			String url = JsonFeedItem.string(hub.get("url"));
			if (type != null && type.strip().equalsIgnoreCase("websub") && url != null
					&& !this.hubs.contains(url.strip()) && this.hubs.size() < FeedHubs.MAX_HUBS) {
				this.hubs.add(url.strip());
			}
		}
	}

	private boolean isJsonFeed() {
		return this.version != null && VERSION.matcher(this.version.strip()).matches();
	}

	/**
	 * Whether the text ends where the parser failed: at the error, or within the token it failed on (a literal such
	 * as {@code tru}). Jackson says "end-of-input" through more than one exception type, and not of a cut literal; a
	 * document broken elsewhere has more after its error, at least the brackets that close it.
	 */
	private static boolean endsAtTheError(String text, @Nullable TokenStreamLocation error) {
		if (error == null || error.getCharOffset() < 0) {
			return false;
		}
		for (int i = (int) Math.min(error.getCharOffset(), text.length()); i < text.length(); i++) {
			char c = text.charAt(i);
			if (!Character.isLetterOrDigit(c) && c != '+' && c != '-' && c != '.') {
				return false;
			}
		}
		return true;
	}

	/** A document that ended before it gave a version. */
	private boolean versionCut() {
		return this.endedEarly && !this.versionRead;
	}

	/** {@code json_1.0}, {@code json_1.1}: version 1 is 1.0, as {@code rss_2.0} and {@code atom_1.0} say it. */
	private String format() {
		Matcher matcher = VERSION.matcher((this.version != null) ? this.version.strip() : "");
		String number = matcher.matches() ? matcher.group(1) : "1";
		return "json_" + (number.contains(".") ? number : number + ".0");
	}

	/** The string the parser is on; any other value is no string, and an object or an array is skipped whole. */
	private static @Nullable String scalar(JsonParser parser) {
		if (parser.currentToken() == JsonToken.VALUE_STRING) {
			String text = parser.getString();
			return text.isBlank() ? null : text;
		}
		parser.skipChildren();
		return null;
	}

}
