package fr.manchette.editorial;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.regex.Pattern;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import org.jspecify.annotations.Nullable;

/**
 * Tells French, Arabic, English and Spanish apart in a headline and its summary, with Lingua. Only those four
 * languages are loaded, in Lingua's low-accuracy mode (trigrams only): 3.4 MB of heap instead of 65 MB for the high
 * mode, for a detector that is mostly told the declared language and has to catch the items that are not in it (see
 * the README for both modes' figures). The models are read the first time a text is detected, not at start-up.
 * Lingua spreads one detection over the common fork-join pool.
 */
public final class LanguageDetector {

	/** The languages it can tell, as ISO 639-1 codes. */
	public static final List<String> LANGUAGES = List.of("fr", "ar", "en", "es");

	/**
	 * Longer texts say nothing more about their language, and cost in proportion: a headline and the start of its
	 * summary. At 300 characters, detection was a sixth of the CPU of storing a new item.
	 */
	static final int MAX_CHARS = 160;

	private static final Pattern WORDS = Pattern.compile("\\s+");

	private final boolean lowAccuracy;

	private volatile com.github.pemistahl.lingua.api.@Nullable LanguageDetector lingua;

	/** The detector of the service: low accuracy mode. */
	public LanguageDetector() {
		this(true);
	}

	/** @param lowAccuracy Lingua's low-accuracy mode (trigrams) rather than its high one (one- to five-grams) */
	public LanguageDetector(boolean lowAccuracy) {
		this.lowAccuracy = lowAccuracy;
	}

	/**
	 * The language of the text and how sure the detector is of it, or null when it cannot tell (no letters, or no
	 * language ahead of the others).
	 */
	public @Nullable Detected detect(String text) {
		String sample = text;
		if (text.length() > MAX_CHARS) {
			// At a word's end: the start of a word is read as a word of its own.
			int end = text.lastIndexOf(' ', MAX_CHARS);
			sample = text.substring(0, (end > 0) ? end : MAX_CHARS);
		}
		SortedMap<Language, Double> confidences = lingua().computeLanguageConfidenceValues(sample);
		if (confidences.isEmpty()) {
			return null;
		}
		// Lingua gives the likeliest language 1 and the others their likelihood relative to it.
		Map.Entry<Language, Double> best = null;
		double second = 0;
		for (Map.Entry<Language, Double> entry : confidences.entrySet()) {
			if (best == null || entry.getValue() > best.getValue()) {
				if (best != null) {
					second = Math.max(second, best.getValue());
				}
				best = entry;
			}
			else {
				second = Math.max(second, entry.getValue());
			}
		}
		if (best == null || best.getKey() == Language.UNKNOWN || best.getValue() <= second) {
			return null;
		}
		return new Detected(best.getKey().getIsoCode639_1().name().toLowerCase(Locale.ROOT),
				(best.getValue() - second) / best.getValue(), WORDS.split(sample.strip()).length);
	}

	private com.github.pemistahl.lingua.api.LanguageDetector lingua() {
		com.github.pemistahl.lingua.api.LanguageDetector detector = this.lingua;
		if (detector == null) {
			synchronized (this) {
				detector = this.lingua;
				if (detector == null) {
					LanguageDetectorBuilder builder = LanguageDetectorBuilder.fromLanguages(Language.FRENCH,
							Language.ARABIC, Language.ENGLISH, Language.SPANISH);
					detector = (this.lowAccuracy ? builder.withLowAccuracyMode() : builder).build();
					this.lingua = detector;
				}
			}
		}
		return detector;
	}

	/**
	 * @param language ISO 639-1 code
	 * @param lead how far ahead of the next language it is, from 0 (as likely) to 1 (the only one possible, as for
	 * Arabic script among these four); for Latin-script languages, Lingua's relative values keep it under about 0.35
	 * however long the text
	 * @param words how many words it read
	 */
	public record Detected(String language, double lead, int words) {

		/**
		 * How much the text says for this language: its lead times the words read, as a long text in one language is
		 * surer than a short one even when the lead is the same.
		 */
		public double evidence() {
			return this.lead * this.words;
		}

	}

}
