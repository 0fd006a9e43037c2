package fr.manchette.editorial;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Tells, without Lingua, a text that is plainly French: two French function words, no English or Spanish one, no
 * Arabic letter. Most items of a French feed are such texts, and Lingua costs more than anything else done to an item
 * before the store; what is not plain (a short title, a mixed one, another language) goes to Lingua as before.
 */
final class PlainFrench {

	private static final Set<String> FRENCH = WordList.load("french-function-words.txt");

	private static final Set<String> OTHERS = WordList.load("english-spanish-function-words.txt");

	private PlainFrench() {
	}

	static boolean is(String text) {
		Set<String> french = null;
		int length = Math.min(text.length(), LanguageDetector.MAX_CHARS);
		int start = -1;
		for (int i = 0; i <= length; i++) {
			char c = (i < length) ? text.charAt(i) : ' ';
			if (Character.UnicodeBlock.of(c) == Character.UnicodeBlock.ARABIC) {
				return false;
			}
			if (Character.isLetter(c)) {
				if (start < 0) {
					start = i;
				}
				continue;
			}
			if (start >= 0) {
				String word = text.substring(start, i).toLowerCase(Locale.ROOT);
				start = -1;
				if (OTHERS.contains(word)) {
					return false;
				}
				if (FRENCH.contains(word)) {
					french = (french != null) ? french : new HashSet<>(4);
					french.add(word);
				}
			}
		}
		return french != null && french.size() >= 2;
	}

	/** A list of words of this package's resources: one a line, lines starting with # are comments. */
	static final class WordList {

		private WordList() {
		}

		static Set<String> load(String name) {
			try (InputStream in = PlainFrench.class.getResourceAsStream(name)) {
				if (in == null) {
					throw new IllegalStateException("no word list " + name);
				}
				return parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		static Set<String> parse(String name, String text) {
			Set<String> words = new HashSet<>();
			int number = 0;
			for (String line : text.split("\n", -1)) {
				number++;
				String word = line.strip();
				if (word.isEmpty() || word.startsWith("#")) {
					continue;
				}
				if (!word.equals(word.toLowerCase(Locale.ROOT)) || !word.chars().allMatch(Character::isLetter)) {
					throw new IllegalStateException(name + " line " + number + ": not a lower-case word: " + word);
				}
				if (!words.add(word)) {
					throw new IllegalStateException(name + " line " + number + ": " + word + " twice");
				}
			}
			return Set.copyOf(words);
		}

	}

}
