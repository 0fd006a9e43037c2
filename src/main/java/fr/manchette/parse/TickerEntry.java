package fr.manchette.parse;

import java.time.Instant;
import java.util.List;

import org.jsoup.nodes.Entities;
import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * One headline of a ticker page, as its selectors read it, before any cleaning.
 *
 * @param titleHtml the content of the title element, as HTML (the normalizer makes it plain text and keeps French
 *     typography's no-break spaces, which {@code Element.text()} would lose)
 * @param link the article's absolute http(s) address, if the item has one
 * @param timeText the text of the time element, as shown
 * @param dateText the text of the date element, as shown
 * @param summaryHtml the content of the summary element, links made absolute
 * @param image the absolute address of the item's picture
 * @param published the instant its time and date stand for, read in the source's zone; {@code null} when it shows
 *     none (it then gets the time it was first seen)
 * @param publishedText a machine-readable date and time that stands above the text, when the page or the article
 *     gives one ({@code <time datetime>}, {@code article:published_time}); read by the normalizer as a feed's date
 */
public record TickerEntry(String titleHtml, @Nullable String link, @Nullable String timeText,
		@Nullable String dateText, @Nullable String summaryHtml, @Nullable String image, @Nullable Instant published,
		@Nullable String publishedText) {

	public TickerEntry {
		Assert.notNull(titleHtml, "titleHtml must not be null");
	}

	/** Whether the ticker says when it was published. */
	public boolean hasTime() {
		return this.published != null || this.publishedText != null;
	}

	/** This item with what its article page adds: only what the ticker does not show. */
	public TickerEntry withArticle(ArticleMeta article) {
		String summary = this.summaryHtml;
		if (isBlank(summary) && article.description() != null) {
			summary = Entities.escape(article.description());
		}
		String picture = (this.image != null) ? this.image : article.image();
		String when = hasTime() ? this.publishedText : article.publishedTime();
		return new TickerEntry(this.titleHtml, this.link, this.timeText, this.dateText, summary, picture,
				this.published, when);
	}

	/**
	 * The item as a feed would have given it. The picture leads the summary, as feeds put it ({@link LeadPicture}).
	 */
	public RawItem toRawItem() {
		return toRawItem(null);
	}

	/** The item as a feed would have given it, in the page's declared language. */
	public RawItem toRawItem(@Nullable String language) {
		String summary = isBlank(this.summaryHtml) ? null : this.summaryHtml;
		if (this.image != null) {
			summary = LeadPicture.before(this.image, summary);
		}
		return new RawItem(null, this.titleHtml, this.link, summary, this.published, this.publishedText, List.of(),
				BaseChain.NONE, BaseChain.NONE, null, language, TitleType.PAGE);
	}

	private static boolean isBlank(@Nullable String text) {
		return text == null || text.isBlank();
	}

}
