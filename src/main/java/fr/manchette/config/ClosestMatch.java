package fr.manchette.config;

import java.util.Collection;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** Suggests what a mistyped key or zone was meant to be: {@code intervall} → {@code interval}. */
final class ClosestMatch {

	private ClosestMatch() {
	}

	/** The candidate nearest to {@code wrong} (ignoring case) if it is close enough to be a typo of it. */
	static @Nullable String of(String wrong, Collection<String> candidates) {
		@Nullable String best = null;
		int bestDistance = Integer.MAX_VALUE;
		String lower = wrong.toLowerCase(Locale.ROOT);
		for (String candidate : candidates) {
			int distance = distance(lower, candidate.toLowerCase(Locale.ROOT));
			if (distance < bestDistance) {
				best = candidate;
				bestDistance = distance;
			}
		}
		return (bestDistance <= Math.max(1, Math.min(3, wrong.length() / 3))) ? best : null;
	}

	// Levenshtein distance, two rows.
	private static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

}
