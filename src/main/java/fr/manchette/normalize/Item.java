package fr.manchette.normalize;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A cleaned item, ready to be identified and stored.
 *
 * @param guid the feed's guid or id, trimmed; null when absent or blank
 * @param title plain text, entities decoded, whitespace folded, French typography kept
 * @param link absolute, canonical http(s) link without tracking parameters or fragment
 * @param summaryHtml sanitized HTML, safe to republish
 * @param summaryText plain-text excerpt of the summary
 * @param published when it was published; the fetch time when the feed did not say, or dated it in the future
 * @param publishedKnown false when {@code published} is the fetch time standing in for a missing or future date
 * @param categories the item's own categories, as plain text
 * @param author who wrote it, as plain text, when the feed says
 * @param language its language as an ISO 639 code ({@code fr}, {@code ar}): declared by the feed or the page until
 * the language is checked (editorial), then the one kept; null when unknown
 */
public record Item(@Nullable String guid, String title, @Nullable URI link, String summaryHtml, String summaryText,
		Instant published, boolean publishedKnown, List<String> categories, @Nullable String author,
		@Nullable String language) {

	public Item {
		categories = List.copyOf(categories);
	}

	/** An item whose author and language are not known. */
	public Item(@Nullable String guid, String title, @Nullable URI link, String summaryHtml, String summaryText,
			Instant published, boolean publishedKnown, List<String> categories) {
		this(guid, title, link, summaryHtml, summaryText, published, publishedKnown, categories, null, null);
	}

	/** The same item under another guid. */
	public Item withGuid(@Nullable String guid) {
		return new Item(guid, this.title, this.link, this.summaryHtml, this.summaryText, this.published,
				this.publishedKnown, this.categories, this.author, this.language);
	}

	/** The same item in another language. */
	public Item withLanguage(@Nullable String language) {
		return new Item(this.guid, this.title, this.link, this.summaryHtml, this.summaryText, this.published,
				this.publishedKnown, this.categories, this.author, language);
	}

}
