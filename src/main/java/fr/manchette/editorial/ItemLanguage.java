package fr.manchette.editorial;

import fr.manchette.normalize.Item;
import org.jspecify.annotations.Nullable;

/**
 * Decides an item's language from what its feed or page declares and what the detector reads in its title and
 * summary. A declaration is trusted unless the detector is clearly sure of another of the languages it knows: feeds
 * declare one language for a whole site, bilingual sites included, while a short headline can fool the detector
 * (« Trump : Main basse sur le Groenland » reads as English). A text that is plainly French ({@link PlainFrench}) is
 * French without asking the detector, declared French or undeclared; an undeclared one with a single French function
 * word is French unless the detector is as sure of another language as it must be to overrule a declaration.
 */
public final class ItemLanguage {

	/**
	 * How much evidence ({@link LanguageDetector.Detected#evidence()}, the lead times the words) the detected language
	 * needs to overrule a declaration. Measured on titles alone: 3 of 548 real French titles declared French reach it
	 * for another language (« Cher Manuel Valls - Boxing Day #13 »), 20 of 32 English headlines do; Arabic script
	 * always does.
	 */
	static final double OVERRULE = 1.5;

	private final LanguageDetector detector;

	public ItemLanguage(LanguageDetector detector) {
		this.detector = detector;
	}

	/** The item with its language decided: an ISO 639 code, or null when neither the feed nor the detector can say. */
	public Item decide(Item item) {
		return item.withLanguage(language(item.language(), item.title() + " " + item.summaryText()));
	}

	@Nullable String language(@Nullable String declared, String text) {
		if (declared != null && !LanguageDetector.LANGUAGES.contains(declared)) {
			// The detector knows four languages; it cannot check a fifth.
			return declared;
		}
		if ((declared == null || declared.equals("fr")) && PlainFrench.is(text)) {
			return "fr";
		}
		LanguageDetector.Detected detected = this.detector.detect(text);
		if (declared == null) {
			if (detected != null && !detected.language().equals("fr") && detected.evidence() < OVERRULE
					&& PlainFrench.leans(text)) {
				// One French word and names: « Incendie dans la forêt de la Maâmora » reads as Spanish to the
				// detector, unsure, and a source's `languages: [fr]` would drop it.
				return "fr";
			}
			return (detected != null) ? detected.language() : null;
		}
		if (detected != null && !detected.language().equals(declared) && detected.evidence() >= OVERRULE) {
			return detected.language();
		}
		return declared;
	}

}
