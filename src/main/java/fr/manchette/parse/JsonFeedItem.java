package fr.manchette.parse;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One item of a JSON Feed, read from its tree into the {@link RawItem} an RSS or Atom item gives: the link, the date,
 * the summary and the author that the spec's versions spell in different ways, and a value of the wrong type taken as
 * no value. Its {@code image}, else its {@code banner_image}, leads the summary as a picture an RSS item gives apart
 * does ({@link LeadPicture}).
 */
final class JsonFeedItem {

	/** Tags kept per item before the normalizer keeps ten. */
	private static final int MAX_TAGS = 100;

	private JsonFeedItem() {
	}

	/**
	 * @param base what relative links are resolved against: the feed's home page, else its own address
	 * @param feedLanguage the feed's {@code language}, for an item that has none
	 * @param feedAuthor the feed's author, for an item that names none
	 */
	static RawItem read(JsonNode item, BaseChain base, @Nullable String feedLanguage,
			@Nullable String feedAuthor) {
		String link = string(item.get("url"));
		if (link == null) {
			// A link post's page is elsewhere; it is still where the item leads.
			link = string(item.get("external_url"));
		}
		String published = string(item.get("date_published"));
		if (published == null) {
			published = string(item.get("date_modified"));
		}
		String language = string(item.get("language"));
		String author = author(item.get("authors"));
		if (author == null) {
			author = author(item.get("author"));
		}
		String image = string(item.get("image"));
		if (image == null) {
			image = string(item.get("banner_image"));
		}
		return new RawItem(id(item.get("id")), Mojibake.repair(string(item.get("title"))), link,
				LeadPicture.unlessShown(GatheredText.trimmed(image), Mojibake.repair(summaryHtml(item))),
				instant(published), published, tags(item.get("tags")), base, base,
				Mojibake.repair((author != null) ? author : feedAuthor),
				(language != null) ? language : feedLanguage, TitleType.UNSAID);
	}

	/** The name of the first author: {@code authors} (1.1) is a list, {@code author} (1.0) one object. */
	static @Nullable String author(@Nullable JsonNode node) {
		JsonNode first = (node != null && node.isArray() && !node.isEmpty()) ? node.get(0) : node;
		return (first != null && first.isObject()) ? string(first.get("name")) : null;
	}

	/**
	 * The short text first, as for RSS and Atom, else the full content: {@code summary} (plain text), else
	 * {@code content_html}, else {@code content_text}. Plain text is written as HTML ({@link PlainTextHtml}).
	 */
	private static @Nullable String summaryHtml(JsonNode item) {
		String summary = string(item.get("summary"));
		if (summary != null) {
			return PlainTextHtml.of(summary);
		}
		String html = string(item.get("content_html"));
		if (html != null) {
			return html;
		}
		String text = string(item.get("content_text"));
		return (text != null) ? PlainTextHtml.of(text) : null;
	}

	/** RFC 3339, as the spec asks; anything else is left to the normalizer's readers of dates as written. */
	private static @Nullable Instant instant(@Nullable String date) {
		if (date == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(date.strip()).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/** An array of strings; a lone string is one tag; anything else is no tag. */
	private static List<String> tags(@Nullable JsonNode tags) {
		List<String> names = new ArrayList<>();
		if (tags != null && tags.isArray()) {
			for (JsonNode tag : tags) {
				String name = string(tag);
				if (name != null) {
					names.add(Mojibake.repair(name));
				}
				if (names.size() == MAX_TAGS) {
					break;
				}
			}
		}
		else {
			String name = string(tags);
			if (name != null) {
				names.add(Mojibake.repair(name));
			}
		}
		return names;
	}

	/** A string; null when blank or of another type (a URL that is a number or an object is no URL). */
	static @Nullable String string(@Nullable JsonNode node) {
		if (node == null || !node.isString()) {
			return null;
		}
		String text = node.stringValue();
		return text.isBlank() ? null : text;
	}

	/** A string, or a number's digits: "If an id is presented as a number [...] a JSON Feed reader must coerce it". */
	private static @Nullable String id(@Nullable JsonNode node) {
		return (node != null && node.isNumber()) ? node.asString() : string(node);
	}

}
