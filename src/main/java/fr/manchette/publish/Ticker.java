package fr.manchette.publish;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import fr.manchette.config.CurrentFeeds;
import fr.manchette.config.FeedsFile;
import fr.manchette.config.Source;
import fr.manchette.store.ItemQuery;
import fr.manchette.store.ItemRepository;
import fr.manchette.store.Story;
import org.springframework.stereotype.Component;

/** The latest headlines, as a French news site's "fil info" shows them. */
@Component
public class Ticker {

	private static final DateTimeFormatter TODAY = DateTimeFormatter.ofPattern("HH:mm");

	private static final DateTimeFormatter EARLIER = DateTimeFormatter.ofPattern("dd/MM HH:mm");

	private final ItemRepository items;

	private final CurrentFeeds feeds;

	private final Clock clock;

	Ticker(ItemRepository items, CurrentFeeds feeds, Clock clock) {
		this.items = items;
		this.feeds = feeds;
		this.clock = clock;
	}

	public Headlines headlines(ItemQuery query) {
		FeedsFile config = this.feeds.get();
		ZoneId zone = config.timezone();
		LocalDate today = LocalDate.now(this.clock.withZone(zone));
		return new Headlines(zone.getId(),
				this.items.latestStories(query).stream().map((story) -> headline(story, config, today)).toList());
	}

	private static Headline headline(Story story, FeedsFile config, LocalDate today) {
		ZonedDateTime at = story.lead().sortAt().atZone(config.timezone()).truncatedTo(ChronoUnit.SECONDS);
		String time = (at.toLocalDate().equals(today) ? TODAY : EARLIER).format(at);
		String sourceId = story.lead().sourceId();
		Source source = config.source(sourceId).orElse(null);
		return new Headline(time, story.lead().title(), story.lead().link(), sourceId,
				(source != null) ? source.name() : sourceId, (source != null) ? source.category() : null,
				at.toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), story.alsoIn());
	}

}
