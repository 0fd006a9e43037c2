package fr.manchette.dedup;

import java.util.List;

/** Whether a headline names someone or somewhere that another does not: what {@link Contradiction#NAMES} asks. */
final class Names {

	private Names() {
	}

	/**
	 * Whether {@code a} names someone or somewhere that {@code b} does not. A name is matched when all its words are
	 * in {@code b}, when one of {@code b}'s names is part of it (« Walid Regragui » / « Regragui »), or when one is
	 * the acronym of the other (« UE » / « Union européenne »). A headline without case information counts every
	 * word the other lacks as a possible name.
	 */
	static boolean unmatched(TitleKey a, TitleKey b) {
		// The words of b, read as they are: a word twice is only looked at twice, and no set is made per comparison.
		List<String> other = b.words();
		if (a.names() == null || lowersNames(a, b)) {
			List<String> words = a.words();
			// Indexed: under the quick compiler, a loop over a list makes an iterator.
			for (int i = 0; i < words.size(); i++) {
				String word = words.get(i);
				if (!FrenchWords.hasDigit(word) && !anyVariant(word, other)) {
					return true;
				}
			}
			return false;
		}
		List<List<String>> names = a.names();
		for (int n = 0; n < names.size(); n++) {
			if (!matched(names.get(n), a, b, other)) {
				return true;
			}
		}
		return false;
	}

	private static boolean anyVariant(String word, List<String> words) {
		for (int i = 0; i < words.size(); i++) {
			if (FrenchWords.variants(word, words.get(i))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether {@code a} writes in lower case a name that {@code b} capitalises (« monaco tombe contre toulouse » /
	 * « Montpellier tombe contre Monaco »): its case then tells no name from another word either.
	 */
	private static boolean lowersNames(TitleKey a, TitleKey b) {
		if (b.names() == null) {
			return false;
		}
		List<List<String>> names = b.names();
		for (int n = 0; n < names.size(); n++) {
			List<String> name = names.get(n);
			for (int i = 0; i < name.size(); i++) {
				String word = name.get(i);
				// Whether a has the word at all first: most words of b's names it has not.
				if (a.words().contains(word) && !a.inName(word) && !b.acronyms().contains(word)) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean boundFirst(String word, TitleKey key) {
		if (key.bound().isEmpty()) {
			return false;
		}
		for (List<String> pair : key.bound()) {
			if (pair.get(0).equals(word)) {
				return true;
			}
		}
		return false;
	}

	private static boolean matched(List<String> name, TitleKey a, TitleKey b, List<String> other) {
		// A word that stands for nothing without the next one in a name of b (« Loire » of « Haute-Loire », « Conseil »
		// of « Conseil d'État ») does not find a name of a.
		boolean all = true;
		for (int i = 0; i < name.size() && all; i++) {
			boolean found = false;
			for (int j = 0; j < other.size(); j++) {
				String w = other.get(j);
				if (FrenchWords.nameVariants(name.get(i), w) && !boundFirst(w, b)) {
					found = true;
					break;
				}
			}
			all = found;
		}
		if (all || Metonyms.countryIn(name, b.words())) {
			return true;
		}
		List<List<String>> otherNames = b.names();
		if (otherNames != null) {
			for (int n = 0; n < otherNames.size(); n++) {
				List<String> otherName = otherNames.get(n);
				if (a.partOf(name, otherName) || b.partOf(otherName, name)) {
					return true;
				}
			}
		}
		if (name.size() == 1 && isAcronym(name.get(0), a)) {
			String acronym = a.acronyms().stream().filter((x) -> FrenchWords.stem(x).equals(name.get(0))).findFirst()
				.orElseThrow();
			return TitleKey.spelledOut(acronym, b.words(), b.clauses()) >= 0;
		}
		if (name.size() >= 2 && !b.acronyms().isEmpty()) {
			// Its initials made only when b has an acronym they could be.
			StringBuilder initials = new StringBuilder();
			name.forEach((word) -> initials.append(word.charAt(0)));
			return b.acronyms().contains(initials.toString());
		}
		return false;
	}

	private static boolean isAcronym(String word, TitleKey key) {
		if (key.acronyms().isEmpty()) {
			// Most headlines: no iterator made for nothing.
			return false;
		}
		for (String acronym : key.acronyms()) {
			if (FrenchWords.stem(acronym).equals(word)) {
				return true;
			}
		}
		return false;
	}

}
