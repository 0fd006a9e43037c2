package fr.manchette.dedup;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import fr.manchette.parse.AccentFold;

/**
 * A headline cut into its parts as written: tokens, and within a token its pieces around ' - . & unless it is a
 * number; each part with its clause, whether it opens the headline or a clause, and its case.
 */
final class HeadlineParts {

	/** What joins two runs of letters and figures into one token: {@code ['.&-]}. */
	private static final TextScan.Chars JOINERS = TextScan.chars("'.&-");

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
		// A part every five or six characters: room for nearly every headline's parts at once, not ten places grown by halves.
		List<HeadlinePart> parts = new ArrayList<>(text.length() / 4 + 1);
		int previousEnd = 0;
		boolean first = true;
		int clause = 0;
		int length = text.length();
		int at = tokenStart(text, 0);
		while (at < length) {
			int tokenEnd = tokenEnd(text, at);
			String raw = text.substring(at, tokenEnd);
			boolean initial = first || TextScan.hasAnyOrSpacedHyphen(text, previousEnd, at, CLAUSE_BREAK);
			// The first clause is a rubric when a colon closes it.
			boolean rubric = !first && clause == 0 && TextScan.indexOf(text, ':', previousEnd, at) >= 0;
			if (!first && TextScan.hasAnyOrSpacedHyphen(text, previousEnd, at, CLAUSE_OR_COMMA)) {
				clause++;
			}
			first = false;
			previousEnd = tokenEnd;
			at = tokenStart(text, tokenEnd);
			String folded = AccentFold.fold(raw);
			FrenchWords.Listed listed = FrenchWords.listed(folded);
			boolean hasDigit = FrenchWords.hasDigit(raw);
			// A token with a digit and no apostrophe is a number whatever its shape: the pattern is only asked of the
			// others, the few such as « 1'30 ».
			if (listed.number() != null || listed.abbreviation() != null || (hasDigit && raw.indexOf('\'') < 0)
					|| (TextScan.isAsciiDigit(raw.charAt(0)) && NUMBER.matcher(raw).matches())) {
				parts.add(new HeadlinePart(raw, folded, listed, initial, hasDigit || listed.number() != null, clause,
						rubric, false, false));
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
					// Most tokens are one piece, the token itself (substring gives it back): folded and looked up once.
					boolean whole = piece == raw;
					String foldedPiece = whole ? folded : AccentFold.fold(piece);
					parts.add(new HeadlinePart(piece, foldedPiece, whole ? listed : FrenchWords.listed(foldedPiece),
							initial && firstPiece, whole ? hasDigit : FrenchWords.hasDigit(piece), clause,
							rubric && firstPiece, hyphen, elided));
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

	/**
	 * Where the next token starts from {@code from} on, or the text's length: the first letter or figure. The tokens
	 * are what {@code find} of {@code [\p{L}\p{N}]+(?:['.&-][\p{L}\p{N}]+)*%?} gives, found by a loop over the
	 * characters: that pattern was a third of reading a headline under the quick compiler.
	 */
	static int tokenStart(String text, int from) {
		int i = from;
		while (i < text.length() && !wordCharAt(text, i)) {
			i++;
		}
		return i;
	}

	/** Where the token that starts at {@code start} ends: its runs of letters and figures, their joiners, a « % ». */
	static int tokenEnd(String text, int start) {
		int length = text.length();
		int i = skipRun(text, start);
		while (i + 1 < length && JOINERS.contains(text.charAt(i)) && wordCharAt(text, i + 1)) {
			i = skipRun(text, i + 1);
		}
		return (i < length && text.charAt(i) == '%') ? i + 1 : i;
	}

	/**
	 * The end of the run of letters and figures from {@code i}, with the marks and invisible format characters
	 * within it: « العَرَبِيَّة » with its harakat, « été » written e + U+0301, « inter­national » with a soft hyphen are one
	 * word each, as readers see them (the fold drops what is not a letter).
	 */
	private static int skipRun(String text, int from) {
		int i = from;
		while (i < text.length() && (wordCharAt(text, i) || (i > from && markOrFormatAt(text, i)))) {
			i += Character.charCount(text.codePointAt(i));
		}
		return i;
	}

	private static boolean markOrFormatAt(String text, int i) {
		if (text.charAt(i) < 0x300) {
			// Latin-1 has one: the soft hyphen.
			return text.charAt(i) == '\u00AD';
		}
		return switch (Character.getType(text.codePointAt(i))) {
			case Character.NON_SPACING_MARK, Character.COMBINING_SPACING_MARK, Character.ENCLOSING_MARK,
					Character.FORMAT -> true;
			default -> false;
		};
	}

	/**
	 * Whether a letter or a figure starts at {@code i}, as {@code [\p{L}\p{N}]} reads it: a code point of a letter
	 * category or a number one (not only decimal digits: « ½ », « Ⅲ »). ASCII first, without a table.
	 */
	private static boolean wordCharAt(String text, int i) {
		char c = text.charAt(i);
		if (c < 128) {
			return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
		}
		int codePoint = text.codePointAt(i);
		if (Character.isLetter(codePoint)) {
			return true;
		}
		int type = Character.getType(codePoint);
		return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
				|| type == Character.OTHER_NUMBER;
	}

	/** All capitals, or a capital on (nearly) every word: case then tells no name from another word. */
	static boolean caseless(List<HeadlinePart> parts) {
		int letters = 0;
		int upper = 0;
		int words = 0;
		int capitalized = 0;
		// Indexed: under the quick compiler, a loop over a list makes an iterator.
		for (int p = 0; p < parts.size(); p++) {
			HeadlinePart part = parts.get(p);
			String text = part.text();
			// Read in place: a copy of every part's characters was most of what reading a headline's case allocated.
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (c < 128) {
					// ASCII, most letters of a headline, without asking Character's tables.
					boolean capital = c >= 'A' && c <= 'Z';
					letters += (capital || (c >= 'a' && c <= 'z')) ? 1 : 0;
					upper += capital ? 1 : 0;
				}
				else if (Character.isLetter(c)) {
					letters++;
					upper += Character.isUpperCase(c) ? 1 : 0;
				}
			}
			// « D'avion » in a headline with a capital on every word: the word after the apostrophe is not one.
			if (!part.initial() && !part.number() && !part.elided() && part.text().length() >= 3
					&& !part.listed().stop()) {
				words++;
				capitalized += part.capitalized() ? 1 : 0;
			}
		}
		return (letters >= 8 && upper >= 0.9 * letters) || (words >= 3 && capitalized > 0.8 * words);
	}

}
