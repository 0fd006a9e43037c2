package fr.manchette.parse;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one accent and case fold of the service: lower case, accents off, ligatures split, so that « Œuvre » is
 * « oeuvre » and « Sénégal » is « senegal ». Dates (here and in normalize), the story matcher's words, the word lists
 * and {@code q} searches all compare words folded so. In parse, the first stage that reads words.
 */
public final class AccentFold {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private AccentFold() {
	}

	/** The text in lower case, without accents, « œ » and « æ » written out. */
	public static String fold(String text) {
		String lower = text.toLowerCase(Locale.ROOT);
		boolean ascii = true;
		for (int i = 0; i < lower.length() && ascii; i++) {
			ascii = lower.charAt(i) < 128;
		}
		if (ascii) {
			// Most words of French headlines: nothing to take off, and no Normalizer to pay for.
			return lower;
		}
		lower = lower.replace("œ", "oe").replace("æ", "ae");
		return MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
	}

}
