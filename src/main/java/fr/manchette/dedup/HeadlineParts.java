package fr.manchette.dedup;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.manchette.parse.AccentFold;

/**
 * A headline cut into its parts as written: tokens, and within a token its pieces around ' - . & unless it is a
 * number; each part with its clause, whether it opens the headline or a clause, and its case.
 */
final class HeadlineParts {

	private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+(?:['.&-][\\p{L}\\p{N}]+)*%?");

	/** What breaks a clause between two tokens, as {@code [:.!?–—|]|\s-\s} finds it (see {@link TextScan}). */
	private static final TextScan.Chars CLAUSE_BREAK = TextScan.chars(":.!?–—|");

	/** The same with what only starts a new clause: {@code [:.!?–—|,;()]|\s-\s}. */
	private static final TextScan.Chars CLAUSE_OR_COMMA = TextScan.chars(":.!?–—|,;()");

	private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?%?|\\d+(?:-\\d+)+");

	/** What {@code ['.-]} matches: the pieces of a token are around these. */
	private static final TextScan.Chars SPLIT = TextScan.chars("'.-");

	private HeadlineParts() {
	}

	/** The text cut into parts: tokens, and within a token its pieces around ' - . & unless it is a number. */
	static List<HeadlinePart> of(String text) {
		List<HeadlinePart> parts = new ArrayList<>();
		Matcher token = TOKEN.matcher(text);
		int previousEnd = 0;
		boolean first = true;
		int clause = 0;
		while (token.find()) {
			String raw = token.group();
			String gap = text.substring(previousEnd, token.start());
			boolean initial = first || TextScan.hasAnyOrSpacedHyphen(gap, CLAUSE_BREAK);
			// The first clause is a rubric when a colon closes it.
			boolean rubric = !first && clause == 0 && gap.contains(":");
			if (!first && TextScan.hasAnyOrSpacedHyphen(gap, CLAUSE_OR_COMMA)) {
				clause++;
			}
			first = false;
			previousEnd = token.end();
			String folded = AccentFold.fold(raw);
			boolean hasDigit = FrenchWords.hasDigit(raw);
			if (FrenchWords.NUMBER_WORDS.containsKey(folded) || FrenchWords.ABBREVIATIONS.containsKey(folded)
					|| (TextScan.isAsciiDigit(raw.charAt(0)) && NUMBER.matcher(raw).matches()) || (hasDigit && raw.indexOf('\'') < 0)) {
				parts.add(new HeadlinePart(raw, initial, hasDigit || FrenchWords.NUMBER_WORDS.containsKey(folded), clause, rubric));
				continue;
			}
			boolean firstPiece = true;
			int start = 0;
			while (start <= raw.length()) {
				int separator = TextScan.indexOfAny(raw, SPLIT, start);
				boolean found = separator >= 0;
				int end = found ? separator : raw.length();
				String piece = raw.substring(start, end);
				if (!piece.isEmpty()) {
					boolean hyphen = start > 0 && raw.charAt(start - 1) == '-';
					boolean elided = start > 0 && raw.charAt(start - 1) == '\'';
					parts.add(new HeadlinePart(piece, AccentFold.fold(piece), initial && firstPiece,
							FrenchWords.hasDigit(piece), clause, rubric && firstPiece, hyphen, elided));
					firstPiece = false;
				}
				if (!found) {
					break;
				}
				start = separator + 1;
			}
		}
		return parts;
	}

	/** All capitals, or a capital on (nearly) every word: case then tells no name from another word. */
	static boolean caseless(List<HeadlinePart> parts) {
		int letters = 0;
		int upper = 0;
		int words = 0;
		int capitalized = 0;
		for (HeadlinePart part : parts) {
			String text = part.text();
			// Read in place: a copy of every part's characters was most of what reading a headline's case allocated.
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (Character.isLetter(c)) {
					letters++;
					upper += Character.isUpperCase(c) ? 1 : 0;
				}
			}
			// « D'avion » in a headline with a capital on every word: the word after the apostrophe is not one.
			if (!part.initial() && !part.number() && !part.elided() && part.text().length() >= 3
					&& !FrenchWords.STOP.contains(part.folded())) {
				words++;
				capitalized += part.capitalized() ? 1 : 0;
			}
		}
		return (letters >= 8 && upper >= 0.9 * letters) || (words >= 3 && capitalized > 0.8 * words);
	}

}
