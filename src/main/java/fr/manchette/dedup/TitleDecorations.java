package fr.manchette.dedup;

import java.util.Arrays;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import fr.manchette.parse.WordLists;

/**
 * What publishers add around a headline and another publisher does not: a leading tag (« VIDÉO. », « DIRECT - »,
 * « INFO FRANCEINFO. », « [Vidéo] ») and a trailing name (« - Le360 », « | Hespress FR »).
 */
final class TitleDecorations {

	/** The tags of {@code headline-tags.txt}, each as written but for case: lower-case words, one space between. */
	private static final Pattern TAG_ENTRY = Pattern.compile("\\p{Ll}+(?: \\p{Ll}+)*");

	private static final String TAG = tags();

	/**
	 * The first letters of the tags, each as the pattern compares it ignoring case: a headline that starts with none
	 * of them has no leading tag, and is not asked {@link #LEADING_TAG}, forty-odd alternatives tried at its start.
	 */
	private static final int[] TAG_INITIALS = WordLists.entries("headline-tags", TAG_ENTRY)
		.stream()
		.mapToInt((tag) -> caseFolded(tag.codePointAt(0)))
		.distinct()
		.toArray();

	/** « [Vidéo] », « (PHOTOS) », anywhere. */
	private static final Pattern BRACKETED_TAG = Pattern.compile("[\\[(]\\s*" + TAG + "\\s*[\\])]",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	/** « VIDÉO. », « Vidéo - », « EN DIRECT : » at the start. */
	private static final Pattern LEADING_TAG = Pattern.compile("^\\s*" + TAG + "\\s*[.:|\\-–—]+\\s+",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	/** Capitals closed by a full stop at the start, franceinfo's way: « INFO FRANCEINFO. », « RÉCIT. ». */
	private static final Pattern LEADING_CAPITALS = Pattern.compile("^\\s*[\\p{Lu}][\\p{Lu}\\p{N}'’ -]{2,40}\\.\\s+");

	private static final Pattern WORD_OF_THREE_CAPITALS = Pattern.compile("\\p{Lu}{3}");

	/** The last « - Name », « – Name », « — Name » or « | Name ». */
	/** The characters that open {@link #BRACKETED_TAG}, end {@link #LEADING_TAG}, and start {@link #TRAILING_NAME}. */
	private static final TextScan.Chars OPENING_BRACKETS = TextScan.chars("[(");

	private static final TextScan.Chars SEPARATORS = TextScan.chars(".:|-–—");

	private static final TextScan.Chars DASHES = TextScan.chars("-–—|");

	private static final Pattern TRAILING_NAME = Pattern.compile("\\s+([-–—|])\\s+([^|–—]{1,40})$");

	/** Between the words of a trailing name, which a short one has four at most. */
	private static final Pattern SPACES = Pattern.compile("\\s+");

	/** « La Dépêche de la Haute-Loire », « L'Écho de Nice »: an article, a capitalised word, a few more, no digit. */
	private static final Pattern PAPER = Pattern.compile(
			"(?:L[ea]s?\\s+|L['’])\\p{Lu}[\\p{L}'’-]*(?:\\s+[\\p{L}'’-]+){1,4}\\s*");

	private TitleDecorations() {
	}

	/** The tags as one group of alternatives, the longest first; a space in a tag is any run of spaces. */
	private static String tags() {
		return WordLists.entries("headline-tags", TAG_ENTRY)
			.stream()
			.sorted(Comparator.comparingInt(String::length).reversed())
			.map((tag) -> Arrays.stream(tag.split(" ")).map(Pattern::quote).collect(Collectors.joining("\\s+")))
			.collect(Collectors.joining("|", "(?:", ")"));
	}

	/** Whether the first character after the spaces that {@code ^\s*} skips is the first of a tag, ignoring case. */
	private static boolean startsWithTagInitial(String text) {
		int i = 0;
		while (i < text.length() && isRegexSpace(text.charAt(i))) {
			i++;
		}
		if (i == text.length()) {
			return false;
		}
		int c = text.codePointAt(i);
		int folded = caseFolded(c);
		for (int initial : TAG_INITIALS) {
			// What a pattern compiled with CASE_INSENSITIVE and UNICODE_CASE asks of a character of a literal.
			if (c == initial || folded == initial) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether a dash or a pipe stands between two spaces, as {@link #TRAILING_NAME} needs: a hyphen within a word
	 * (« Haute-Loire ») does not send the headline to the pattern, which tries a run of spaces at every character.
	 */
	private static boolean spacedDash(String text) {
		for (int i = 1; i + 1 < text.length(); i++) {
			if (DASHES.contains(text.charAt(i)) && isRegexSpace(text.charAt(i - 1)) && isRegexSpace(text.charAt(i + 1))) {
				return true;
			}
		}
		return false;
	}

	/** A character as a pattern that ignores case (Unicode case) compares it. */
	private static int caseFolded(int codePoint) {
		return Character.toLowerCase(Character.toUpperCase(codePoint));
	}

	private static boolean isRegexSpace(char c) {
		return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
	}

	static String strip(String title) {
		// Each pattern is tried only on a headline that has a character it needs: most have none.
		String text = TextScan.hasAny(title, OPENING_BRACKETS) ? BRACKETED_TAG.matcher(title).replaceAll(" ") : title;
		for (int i = 0; i < 3; i++) {
			String before = text;
			if (TextScan.hasAny(text, SEPARATORS) && startsWithTagInitial(text)) {
				text = LEADING_TAG.matcher(text).replaceFirst("");
			}
			Matcher capitals = (text.indexOf('.') >= 0) ? LEADING_CAPITALS.matcher(text) : null;
			if (capitals != null && capitals.find() && WORD_OF_THREE_CAPITALS.matcher(capitals.group()).find()) {
				text = text.substring(capitals.end());
			}
			if (text.equals(before)) {
				break;
			}
		}
		Matcher trailing = spacedDash(text) ? TRAILING_NAME.matcher(text) : null;
		if (trailing != null && trailing.find()) {
			String name = trailing.group(2);
			boolean pipe = trailing.group(1).equals("|");
			// After a pipe, a short tail is always branding; after a dash, only a publisher's name is, or what can only
			// be the name of a paper: an article and two words or more, the first capitalised (« - La Voix du Nord »,
			// « - L'Écho de Nice »; not « - Le Havre »).
			if (FrenchWords.isPublisher(name) || (pipe && SPACES.split(name.trim()).length <= 4)
					|| PAPER.matcher(name).matches()) {
				text = text.substring(0, trailing.start());
			}
		}
		return text.isBlank() ? title : text;
	}

}
