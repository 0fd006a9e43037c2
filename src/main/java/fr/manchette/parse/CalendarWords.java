package fr.manchette.parse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The month and day names of {@code month-and-day-names.txt}, French, English and Arabic, for every stage that reads
 * them: parse (the dates sites show by their headlines), normalize (feed dates) and the story matcher.
 */
public final class CalendarWords {

	/** An Arabic name, folded, its words joined by « _ »: « كانون_الثاني ». */
	private static final String ARABIC = "[\\p{IsArabic}&&\\p{L}]+(?:_[\\p{IsArabic}&&\\p{L}]+)*";

	private static final Pattern ENTRY = Pattern.compile("(month|day) (\\d{1,2})((?: " + WordLists.WORD.pattern()
			+ ")+) /((?: " + WordLists.WORD.pattern() + ")+) /((?: " + ARABIC + ")+)");

	/** The twelve months, January first. */
	public static final List<Name> MONTHS;

	/** The seven days, Monday first. */
	public static final List<Name> DAYS;

	static {
		List<Name> names = WordLists.entries("month-and-day-names", ENTRY).stream().map(CalendarWords::name).toList();
		MONTHS = names.stream().filter((name) -> name.month()).toList();
		DAYS = names.stream().filter((name) -> !name.month()).toList();
		check(MONTHS, 12, "month");
		check(DAYS, 7, "day");
	}

	private CalendarWords() {
	}

	/**
	 * Each name of a month that French and Moroccan sites write by their headlines, written out or abbreviated,
	 * French or Arabic (folded), and its number.
	 */
	public static Map<String, Integer> monthsOnPages() {
		Map<String, Integer> months = new LinkedHashMap<>();
		MONTHS.forEach((month) -> Stream.concat(month.french().stream(), month.arabic().stream())
			.forEach((word) -> months.put(word, month.number())));
		return months;
	}

	private static Name name(String line) {
		var matcher = ENTRY.matcher(line);
		matcher.matches();
		List<String> arabic = Stream.of(matcher.group(5).strip().split(" "))
			.map((name) -> name.replace('_', ' '))
			.toList();
		return new Name(matcher.group(1).equals("month"), Integer.parseInt(matcher.group(2)),
				List.of(matcher.group(3).strip().split(" ")), List.of(matcher.group(4).strip().split(" ")), arabic);
	}

	/** Each number once, from 1 on, and no word naming two of them. */
	private static void check(List<Name> names, int count, String kind) {
		Map<String, Integer> seen = new LinkedHashMap<>();
		for (int i = 0; i < names.size(); i++) {
			Name name = names.get(i);
			if (name.number() != i + 1) {
				throw new IllegalStateException(WordLists.FOLDER + "month-and-day-names.txt: " + kind + " "
						+ name.number() + " is out of place; the " + kind + "s go 1, 2, 3… in order");
			}
			for (String word : name.words()) {
				Integer other = seen.put(word, name.number());
				if (other != null && other != name.number()) {
					throw new IllegalStateException(WordLists.FOLDER + "month-and-day-names.txt: « " + word
							+ " » names " + kind + " " + other + " and " + kind + " " + name.number());
				}
			}
		}
		if (names.size() != count) {
			throw new IllegalStateException(WordLists.FOLDER + "month-and-day-names.txt: " + names.size() + " "
					+ kind + "s, not " + count);
		}
	}

	/**
	 * A month or a day.
	 * @param month a month, else a day
	 * @param number January and Monday are 1
	 * @param french its French names, the one written out first
	 * @param english its English names
	 * @param arabic its Arabic names, folded; a name may be two words: « كانون الثاني »
	 */
	public record Name(boolean month, int number, List<String> french, List<String> english, List<String> arabic) {

		/** The name written out in French: « janvier », « lundi ». */
		public String frenchName() {
			return this.french.get(0);
		}

		/** Every name, French, English then Arabic; a word both French and English write (« jan ») comes twice. */
		public List<String> words() {
			return Stream.of(this.french, this.english, this.arabic).flatMap(List::stream).toList();
		}

	}

}
