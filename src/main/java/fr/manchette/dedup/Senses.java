package fr.manchette.dedup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import fr.manchette.parse.AccentFold;
import fr.manchette.parse.CalendarWords;
import fr.manchette.parse.WordLists;

/**
 * Words whose opposite, in the other headline, makes another story ({@code opposite-senses.txt}): each word has a
 * value of a group; two headlines conflict when each has a word of the group, not in the other, with another value.
 * A trailing {@code *} matches every word starting so (after stemming). Days and months are groups too, their values
 * their numbers, their names parse's {@link CalendarWords}.
 */
final class Senses {

	/** A group, a value, a word or a prefix with {@code *}: « trend up augment* ». */
	private static final Pattern ENTRY = Pattern.compile("([a-z]+) ([a-z0-9]+) ([a-z']+\\*?(?: [a-z']+)*)");

	private static final Map<String, List<Sense>> EXACT_SENSES = new HashMap<>();

	/** The senses of the words seen so far: each word's are looked up once. */
	private static final Map<String, List<Sense>> SENSES_OF = new ConcurrentHashMap<>();

	private static final List<Map.Entry<String, Sense>> PREFIX_SENSES = new ArrayList<>();

	static {
		for (String line : WordLists.entries("opposite-senses", ENTRY)) {
			String[] fields = line.split(" ", 3);
			add(new Sense(fields[0], fields[1]), fields[2]);
		}
		CalendarWords.DAYS.forEach((day) -> add(new Sense("weekday", String.valueOf(day.number())), day.frenchName()));
		CalendarWords.MONTHS
			.forEach((month) -> add(new Sense("month", String.valueOf(month.number())), month.frenchName()));
	}

	private Senses() {
	}

	private static void add(Sense sense, String word) {
		if (word.endsWith("*")) {
			PREFIX_SENSES.add(Map.entry(word.substring(0, word.length() - 1), sense));
		}
		else {
			EXACT_SENSES.computeIfAbsent(FrenchWords.stem(AccentFold.fold(word)), (key) -> new ArrayList<>()).add(sense);
		}
	}

	/** Whether a stemmed word is a day or a month, which a time mode may go with. */
	static boolean timeWord(String stem) {
		return of(stem).stream().anyMatch((sense) -> sense.group().equals("weekday") || sense.group().equals("month"));
	}

	/** The senses a stemmed word carries, if any; a day with a time mode has the day's, as another value. */
	static List<Sense> of(String stem) {
		List<Sense> known = SENSES_OF.get(stem);
		if (known != null) {
			return known;
		}
		int mode = stem.indexOf(FrenchWords.TIME_MODE);
		if (mode > 0) {
			String prefix = stem.substring(0, mode + 1);
			List<Sense> moded = of(stem.substring(mode + 1)).stream()
				.map((sense) -> new Sense(sense.group(), prefix + sense.value()))
				.toList();
			SENSES_OF.put(stem, moded);
			return moded;
		}
		List<Sense> exact = EXACT_SENSES.get(stem);
		List<Sense> senses = (exact != null) ? new ArrayList<>(exact) : new ArrayList<>();
		for (Map.Entry<String, Sense> prefix : PREFIX_SENSES) {
			if (stem.startsWith(prefix.getKey())) {
				senses.add(prefix.getValue());
			}
		}
		if (SENSES_OF.size() > 100_000) {
			// Headlines bring new words every day: forget them all now and then rather than grow for ever.
			SENSES_OF.clear();
		}
		List<Sense> result = List.copyOf(senses);
		SENSES_OF.put(stem, result);
		return result;
	}

	/** A value of a group of opposite words. */
	record Sense(String group, String value) {
	}

}
