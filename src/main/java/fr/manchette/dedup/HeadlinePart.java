package fr.manchette.dedup;

/**
 * A piece of a headline, as written (see {@link HeadlineParts}).
 *
 * @param listed what the word lists say of it, folded: looked up once
 */
record HeadlinePart(String text, String folded, FrenchWords.Listed listed, boolean initial, boolean number, int clause,
		boolean rubric, boolean hyphen, boolean elided) {

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
