package fr.manchette.fetch;

/**
 * The wording of one kind of failure detail, with numbered blanks ({@code {0}}, {@code {1}}…): written out in
 * English for the log and for {@code lastError} in {@code /api/sources}, where it stays to the letter; read back by
 * whoever shows it in another language (the French {@code /sources} page, which has a text for each form). A stage
 * words its details as constants of an enum that implements this, so that none can be added without the page knowing.
 */
public interface FailureDetail {

	/** The English wording, with the blanks as {@code {0}}, {@code {1}}… in the order of {@link #with}'s values. */
	String form();

	/** The detail itself: the form with its blanks filled. */
	default String with(Object... values) {
		return fill(form(), values);
	}

	/** A wording with blanks {@code {0}}, {@code {1}}… filled with the values, in their order. */
	static String fill(String wording, Object... values) {
		String text = wording;
		for (int i = 0; i < values.length; i++) {
			text = text.replace("{" + i + "}", String.valueOf(values[i]));
		}
		return text;
	}

}
