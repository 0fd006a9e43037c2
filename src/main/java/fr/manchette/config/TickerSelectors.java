package fr.manchette.config;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * The {@code select} block of a {@code type: html} source: how to find the headlines in a page that has no feed.
 * Every selector is a CSS selector as Jsoup reads it (checked when feeds.yml is loaded). {@code item} is matched
 * against the whole page; every other selector against each item, and the first element it matches is read.
 *
 * @param item each headline of the ticker ({@code item}, required), e.g. {@code ul.fil-info > li}
 * @param title the headline's text, inside an item ({@code title}, required)
 * @param link the element whose {@code href} is the article's address ({@code link}, optional: by default the
 *     title's link, the link around the title, or the item's first link); made absolute against the page
 * @param time the element that shows the time, e.g. {@code 19:35} ({@code time}, optional)
 * @param date the element that shows the date, with or without a time, e.g. {@code 16 mai 2025 à 19h35}
 *     ({@code date}, optional)
 * @param summary the element whose content is the item's summary ({@code summary}, optional)
 * @param image the item's picture: an {@code img} or an element around one ({@code image}, optional)
 * @param timeFormat how {@code time} is written, as a {@code java.time} pattern read with French names and any case,
 *     e.g. {@code HH'h'mm} ({@code time-format}, optional: by default any {@code 19:35} or {@code 19h35} in the text)
 * @param dateFormat how {@code date} is written, e.g. {@code d MMMM yyyy} or {@code dd/MM/yyyy 'à' HH:mm}
 *     ({@code date-format}, optional: by default {@code 16 mai 2025}, {@code 16/05/2025}, {@code 2025-05-16},
 *     {@code aujourd'hui} or {@code hier}, with a time after it if there is one)
 * @param timezone the zone of the page's times ({@code timezone}, default: the file's {@code timezone})
 */
public record TickerSelectors(String item, String title, @Nullable String link, @Nullable String time,
		@Nullable String date, @Nullable String summary, @Nullable String image, @Nullable String timeFormat,
		@Nullable String dateFormat, ZoneId timezone) {

	public TickerSelectors {
		Assert.hasText(item, "item must not be blank");
		Assert.hasText(title, "title must not be blank");
		Assert.notNull(timezone, "timezone must not be null");
	}

	/**
	 * Reads a {@code select} block given some other way than feeds.yml (the {@code preview} command's options), with
	 * the checks of feeds.yml: every selector parsed, every format read.
	 * @param block the keys of a {@code select} block and their values
	 * @param defaultZone the zone when the block names none
	 * @param problems where each problem is added, prefixed {@code select: }
	 * @return the selectors, or {@code null} when there is any problem
	 */
	public static @Nullable TickerSelectors read(Map<String, ?> block, ZoneId defaultZone, List<String> problems) {
		return new TickerSelectorsBinder(new MappingReader(Map.of(), "", problems), defaultZone).bind(block);
	}

	/** Only the selectors every ticker needs; the rest left out, times read in {@code timezone}. */
	public TickerSelectors(String item, String title, ZoneId timezone) {
		this(item, title, null, null, null, null, null, null, null, timezone);
	}

}
