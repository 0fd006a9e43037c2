package fr.manchette.parse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Reads the language data kept as text under {@code fr/manchette/words/} (Lucene's {@code french_stop.txt} is the
 * model): one entry a line, blank lines and lines starting with {@code #} (which say what the list is for) skipped.
 * Each list is read once, by the class that uses it, when that class is first used. A line that repeats another or
 * that is not an entry of its list is refused with its file and line number: a list that quietly lost or doubled a
 * word would change which headlines make one story without anyone noticing.
 */
public final class WordLists {

	/** A folded word: « la-bas », « aujourd'hui », « 20minutes ». */
	public static final Pattern WORD = Pattern.compile("[a-z0-9]+(?:['-][a-z0-9]+)*");

	/** Where the lists are, on the class path. */
	static final String FOLDER = "/fr/manchette/words/";

	/** The lists read so far, by name: every list under the folder must be one of them (see WordListsTests). */
	private static final Set<String> READ = ConcurrentHashMap.newKeySet();

	private WordLists() {
	}

	/** The entries of the list {@code name}, in order; each must match {@code entry}. */
	public static List<String> entries(String name, Pattern entry) {
		READ.add(name);
		return read(FOLDER + name + ".txt", entry);
	}

	/** A list of folded words. */
	public static Set<String> words(String name) {
		return Set.copyOf(entries(name, WORD));
	}

	/** A list of folded words, each followed by a space and what it stands for: one word or more. */
	public static Map<String, List<String>> meanings(String name) {
		Map<String, List<String>> meanings = new LinkedHashMap<>();
		for (String line : entries(name, Pattern.compile(WORD.pattern() + "(?: " + WORD.pattern() + ")+"))) {
			List<String> words = List.of(line.split(" "));
			if (meanings.put(words.get(0), words.subList(1, words.size())) != null) {
				throw new IllegalStateException(
						FOLDER + name + ".txt: « " + words.get(0) + " » is given two meanings; one line each");
			}
		}
		return meanings;
	}

	/** A list of folded words, each followed by a space and the one word it stands for. */
	public static Map<String, String> pairs(String name) {
		Map<String, String> pairs = new LinkedHashMap<>();
		for (String line : entries(name, Pattern.compile(WORD.pattern() + " " + WORD.pattern()))) {
			String[] words = line.split(" ");
			if (pairs.put(words[0], words[1]) != null) {
				throw new IllegalStateException(
						FOLDER + name + ".txt: « " + words[0] + " » is given two meanings; one line each");
			}
		}
		return pairs;
	}

	/** The names of the lists read so far. */
	static Set<String> read() {
		return Set.copyOf(READ);
	}

	/**
	 * The entries of a list on the class path.
	 * @throws IllegalStateException naming the file and line of the first line listed twice or not an entry
	 */
	static List<String> read(String resource, Pattern entry) {
		InputStream in = WordLists.class.getResourceAsStream(resource);
		if (in == null) {
			throw new IllegalStateException(resource + " is missing from the class path");
		}
		List<String> entries = new ArrayList<>();
		Map<String, Integer> lines = new HashMap<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			int number = 0;
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				number++;
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				if (!entry.matcher(line).matches()) {
					throw new IllegalStateException(resource + " line " + number + ": « " + line
							+ " » is not an entry of this list (expected " + entry.pattern()
							+ ", no space around it, one space between words)");
				}
				Integer first = lines.putIfAbsent(line, number);
				if (first != null) {
					throw new IllegalStateException(
							resource + " line " + number + ": « " + line + " » is already on line " + first);
				}
				entries.add(line);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(resource, ex);
		}
		return List.copyOf(entries);
	}

}
