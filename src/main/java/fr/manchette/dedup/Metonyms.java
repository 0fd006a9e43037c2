package fr.manchette.dedup;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import fr.manchette.parse.WordLists;
import org.jspecify.annotations.Nullable;

/**
 * Capitals and seats that the press names for their country (« Washington et Pékin » for the United States and
 * China), from {@code metonyms.txt}, as stemmed words.
 */
final class Metonyms {

	/** The country's words, a bar, the seat's words: « etats unis | maison blanche ». */
	private static final Pattern ENTRY = Pattern
		.compile("[a-z]+(?: [a-z]+)* \\| [a-z]+(?: [a-z]+)*");

	private static final Map<List<String>, List<String>> PLACE_OF = new HashMap<>();

	/** For a seat its country, for a country its seats: what {@link #countryIn} looks for. */
	private static final Map<List<String>, List<List<String>>> AROUND = new HashMap<>();

	static {
		for (String line : WordLists.entries("metonyms", ENTRY)) {
			List<String> metonym = List.of(line.split(" "));
			int bar = metonym.indexOf("|");
			List<String> country = metonym.subList(0, bar).stream().map(FrenchWords::stem).toList();
			List<String> seat = metonym.subList(bar + 1, metonym.size()).stream().map(FrenchWords::stem).toList();
			PLACE_OF.put(seat, country);
			AROUND.computeIfAbsent(seat, (key) -> new ArrayList<>()).add(country);
			AROUND.computeIfAbsent(country, (key) -> new ArrayList<>()).add(seat);
		}
	}

	private Metonyms() {
	}

	/**
	 * The country of a capital or seat (« Washington »: « États-Unis »), or null: one name is the other's capital or
	 * seat when it is the other's country (see {@link Unit#country}).
	 */
	static @Nullable List<String> countryOf(List<String> seat) {
		return PLACE_OF.get(seat);
	}

	/** Whether {@code words} hold, in a row, the country of the seat {@code name}, or the seat of the country. */
	static boolean countryIn(List<String> name, List<String> words) {
		List<List<String>> others = AROUND.get(name);
		if (others == null) {
			return false;
		}
		for (List<String> other : others) {
			if (Collections.indexOfSubList(words, other) >= 0) {
				return true;
			}
		}
		return false;
	}

}
