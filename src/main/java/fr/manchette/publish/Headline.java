package fr.manchette.publish;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One line of the ticker, as {@code /api/headlines} shows it.
 *
 * @param time {@code HH:mm} for today in the configured zone, else {@code dd/MM HH:mm}
 * @param published ISO-8601 with the configured zone's offset
 * @param alsoIn the other sources that told the same story
 * @param story the story's id, for {@code /api/stories/{id}}
 * @param sources how many distinct sources told the story: all of them, or within the window in a list ranked à la une
 * @param lang the language of the lead item, an ISO 639 code; null when unknown
 */
public record Headline(String time, String title, @Nullable String link, String source, String sourceName,
		@Nullable String category, String published, List<String> alsoIn, String story, int sources,
		@Nullable String lang) {

	public Headline {
		alsoIn = List.copyOf(alsoIn);
	}

	/** A headline counting its own source and the others that told it, in no known language. */
	public Headline(String time, String title, @Nullable String link, String source, String sourceName,
			@Nullable String category, String published, List<String> alsoIn, String story) {
		this(time, title, link, source, sourceName, category, published, alsoIn, story, 1 + alsoIn.size(), null);
	}

	/** A headline in no known language. */
	public Headline(String time, String title, @Nullable String link, String source, String sourceName,
			@Nullable String category, String published, List<String> alsoIn, String story, int sources) {
		this(time, title, link, source, sourceName, category, published, alsoIn, story, sources, null);
	}

	/**
	 * The line of {@code /headlines.txt}. A title that holds a right-to-left character (Arabic, Hebrew) is isolated,
	 * between U+2068 FIRST STRONG ISOLATE and U+2069 POP DIRECTIONAL ISOLATE (Unicode UAX #9, as the page's
	 * {@code dir="auto"}): a terminal or an editor that applies the bidi algorithm would otherwise take the line for a
	 * right-to-left one when its title begins so, and show the time at its right end. Other titles, nearly all, are
	 * left with no invisible character.
	 */
	public String line() {
		return this.time + " " + (rightToLeft(this.title) ? "\u2068" + this.title + "\u2069" : this.title);
	}

	private static boolean rightToLeft(String text) {
		return text.codePoints().anyMatch((c) -> switch (Character.getDirectionality(c)) {
			case Character.DIRECTIONALITY_RIGHT_TO_LEFT, Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC,
					Character.DIRECTIONALITY_RIGHT_TO_LEFT_EMBEDDING, Character.DIRECTIONALITY_RIGHT_TO_LEFT_OVERRIDE,
					Character.DIRECTIONALITY_RIGHT_TO_LEFT_ISOLATE ->
				true;
			default -> false;
		});
	}

}
