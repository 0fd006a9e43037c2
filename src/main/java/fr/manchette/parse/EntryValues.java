package fr.manchette.parse;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What an entry says, as Rome's {@code SyndEntry} gives it (untrimmed, unrepaired): the one shape that both readers of
 * XML feeds fill, {@link CommonFormatReader} from the tree and {@link FeedParser} from Rome, so that what the parser
 * makes of it is written once.
 *
 * @param title the title's text
 * @param titleType the type the title's element declares (an Atom {@code type}), null for none
 * @param link the link Rome's entry gives (its link, else the first alternate or unnamed link of its links)
 * @param description the short text (RSS description, Atom summary)
 * @param contents the full texts (RSS content:encoded, Atom content), in order
 * @param published published, else Dublin Core's date, else updated
 * @param categories the names of its categories, in Rome's order (blank ones may be left in)
 * @param author the first author's name, else the first Dublin Core creator
 */
record EntryValues(@Nullable String title, @Nullable String titleType, @Nullable String link,
		@Nullable TypedText description, List<TypedText> contents, @Nullable Instant published,
		List<String> categories, @Nullable String author) {

	/** A text with the type its element declares (or Rome's default for it). */
	record TypedText(@Nullable String value, @Nullable String type) {
	}

}
