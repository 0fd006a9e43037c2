package fr.manchette.dedup;

import fr.manchette.parse.AccentFold;

/** A piece of a headline, as written (see {@link HeadlineParts}). */
record HeadlinePart(String text, String folded, boolean initial, boolean number, int clause, boolean rubric,
		boolean hyphen, boolean elided) {

	HeadlinePart(String text, boolean initial, boolean number, int clause, boolean rubric) {
		this(text, AccentFold.fold(text), initial, number, clause, rubric, false, false);
	}

	boolean capitalized() {
		return Character.isUpperCase(this.text.codePointAt(0));
	}

	boolean capitals() {
		if (this.text.length() < 2) {
			return false;
		}
		// In a loop, not a stream: asked of every capitalised part of every headline.
		for (int i = 0; i < this.text.length(); i++) {
			if (!Character.isUpperCase((int) this.text.charAt(i))) {
				return false;
			}
		}
		return true;
	}

}
