package fr.manchette.parse;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One item as the feed wrote it, before any cleaning.
 *
 * @param guid the RSS guid, Atom id or JSON Feed id, if any
 * @param title the title as decoded from XML; may still hold HTML markup or entities
 * @param link the item's link as written, possibly relative to {@code linkBase}
 * @param summaryHtml the description or content, as HTML
 * @param published the date as read by Rome or as RFC 3339 (published, else updated), if any
 * @param publishedText the date exactly as written in the feed, if any
 * @param categories the item's own categories
 * @param linkBase the base in scope of the link ({@code xml:base} of the feed, the item and the link element)
 * @param summaryBase the base in scope of the summary's HTML, against which its relative links and images resolve
 * @param author who wrote it, as the feed says ({@code author}, {@code dc:creator}, Atom's or JSON Feed's author)
 * @param language the language the document declares for it (the item's own, else the feed's or the page's), as
 * written: {@code fr}, {@code fr-FR}
 * @param titleType what the feed says its title is: text, markup, or nothing ({@link TitleType})
 */
public record RawItem(@Nullable String guid, @Nullable String title, @Nullable String link,
		@Nullable String summaryHtml, @Nullable Instant published, @Nullable String publishedText,
		List<String> categories, BaseChain linkBase, BaseChain summaryBase, @Nullable String author,
		@Nullable String language, TitleType titleType) {

	public RawItem {
		categories = List.copyOf(categories);
	}

	/** An item whose title is of a type its feed does not say (RSS's). */
	public RawItem(@Nullable String guid, @Nullable String title, @Nullable String link, @Nullable String summaryHtml,
			@Nullable Instant published, @Nullable String publishedText, List<String> categories, BaseChain linkBase,
			BaseChain summaryBase, @Nullable String author, @Nullable String language) {
		this(guid, title, link, summaryHtml, published, publishedText, categories, linkBase, summaryBase, author,
				language, TitleType.UNSAID);
	}

	/** An item whose author and language are not said. */
	public RawItem(@Nullable String guid, @Nullable String title, @Nullable String link, @Nullable String summaryHtml,
			@Nullable Instant published, @Nullable String publishedText, List<String> categories, BaseChain linkBase,
			BaseChain summaryBase) {
		this(guid, title, link, summaryHtml, published, publishedText, categories, linkBase, summaryBase, null, null);
	}

	/** An item whose relative references resolve against the document's address alone. */
	public RawItem(@Nullable String guid, @Nullable String title, @Nullable String link, @Nullable String summaryHtml,
			@Nullable Instant published, @Nullable String publishedText, List<String> categories) {
		this(guid, title, link, summaryHtml, published, publishedText, categories, BaseChain.NONE, BaseChain.NONE);
	}

}
