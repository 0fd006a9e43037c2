package fr.manchette.dedup;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@link Contradiction#ORDER} of two headlines: the same words, who does what to whom turned around.
 */
final class WordOrder {

	/** A score, « 2-1 »: the goals of the first named first. */
	private static final Pattern SCORE = Pattern.compile("\\d+-\\d+");

	private WordOrder() {
	}

	/**
	 * Whether two words come in one order in {@code a} and the other in {@code b}, with a third word between them
	 * in both, all three in one clause of each: the verb of « le Maroc bat le Sénégal » / « le Sénégal bat le
	 * Maroc ». A topic moved to the front (« Agadir : visite du ministre… » / « Le ministre en visite à Agadir ») is
	 * in another clause, and a passive (« … reçu par le pape ») names its subject last: both pass.
	 */
	static boolean swapped(TitleKey a, TitleKey b) {
		if (a.passive() || b.passive()) {
			return false;
		}
		List<String> wa = a.words();
		List<String> wb = b.words();
		// Where each word of a, found once in a, is in b (found once there too, or as a variant), or -1.
		int[] at = new int[wa.size()];
		for (int i = 0; i < wa.size(); i++) {
			at[i] = -1;
			String word = wa.get(i);
			if (wa.indexOf(word) != wa.lastIndexOf(word)) {
				continue;
			}
			List<Integer> found = new ArrayList<>();
			for (int j = 0; j < wb.size(); j++) {
				if (FrenchWords.variants(word, wb.get(j))) {
					found.add(j);
				}
			}
			if (found.size() == 1) {
				at[i] = found.get(0);
			}
		}
		for (int i = 0; i < wa.size(); i++) {
			for (int j = i + 2; j < wa.size(); j++) {
				if (at[i] < 0 || at[j] < 0 || at[i] <= at[j] || !a.clauses().get(i).equals(a.clauses().get(j))
						|| !b.clauses().get(at[i]).equals(b.clauses().get(at[j]))) {
					continue;
				}
				for (int k = i + 1; k < j; k++) {
					// The word between is what one does to the other (« bat », « expulse »), not a third name; in the
					// other headline it may be a word of the same sense (« Lyon bat Nice » / « Nice domine Lyon »).
					String between = wa.get(k);
					if (a.inName(between) || isNumber(between)) {
						continue;
					}
					if (at[k] > at[j] && at[k] < at[i] || sameSenseBetween(between, wb, at[j], at[i])) {
						return true;
					}
				}
			}
		}
		return false;
	}

	/**
	 * Whether two names come in one order in {@code a} and the other in {@code b} before the same score, which
	 * counts the goals of the first named first: « Le Havre écrase Lens (2-0) » / « Lens fait chuter Le Havre
	 * (2-0) ».
	 */
	static boolean scoreTurned(TitleKey a, TitleKey b) {
		if (a.passive() || b.passive() || a.names() == null || b.names() == null) {
			return false;
		}
		String score = null;
		List<String> words = a.words();
		for (int i = 0; i < words.size() && score == null; i++) {
			// A score has a hyphen: the pattern, and its matcher, only for a word with one.
			String word = words.get(i);
			if (word.indexOf('-') > 0 && SCORE.matcher(word).matches() && b.words().contains(word)) {
				score = word;
			}
		}
		if (score == null) {
			return false;
		}
		List<List<String>> names = a.names().stream().filter((name) -> b.names().contains(name)).toList();
		for (int i = 0; i < names.size(); i++) {
			for (int j = i + 1; j < names.size(); j++) {
				int a1 = Collections.indexOfSubList(a.words(), names.get(i));
				int a2 = Collections.indexOfSubList(a.words(), names.get(j));
				int b1 = Collections.indexOfSubList(b.words(), names.get(i));
				int b2 = Collections.indexOfSubList(b.words(), names.get(j));
				int scoreA = a.words().indexOf(score);
				int scoreB = b.words().indexOf(score);
				if (Math.max(a1, a2) < scoreA && Math.max(b1, b2) < scoreB && (a1 < a2) != (b1 < b2)) {
					return true;
				}
			}
		}
		return false;
	}

	/** Whether a word of {@code words} strictly between two positions has a sense of {@code word}. */
	private static boolean sameSenseBetween(String word, List<String> words, int from, int to) {
		List<Senses.Sense> senses = Senses.of(word);
		if (senses.isEmpty()) {
			return false;
		}
		for (int k = from + 1; k < to; k++) {
			if (Senses.of(words.get(k)).stream().anyMatch(senses::contains)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isNumber(String word) {
		return FrenchWords.hasDigit(word);
	}

}
