package fr.manchette.config;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A declared language reduced to its primary subtag: {@code fr-FR}, {@code fr_MA} and {@code FR} are all
 * {@code fr}; a three-letter ISO 639-2 code of a language that has a two-letter one too ({@code fra}, or the
 * bibliographic {@code fre}) is that two-letter code, as BCP 47 asks and as items are stored and filtered, and as
 * feeds.yml's {@code languages} lists them. What is no language tag ({@code français}, {@code x}) is no language.
 */
public final class LanguageTag {

	private static final Pattern PRIMARY = Pattern.compile("[a-z]{2,3}");

	// ISO 639-2's bibliographic codes that differ from its terminology codes (the JDK knows the latter only).
	private static final String[] BIBLIOGRAPHIC = { "alb", "sq", "arm", "hy", "baq", "eu", "bur", "my", "chi", "zh",
			"cze", "cs", "dut", "nl", "fre", "fr", "geo", "ka", "ger", "de", "gre", "el", "ice", "is", "mac", "mk",
			"mao", "mi", "may", "ms", "per", "fa", "rum", "ro", "slo", "sk", "tib", "bo", "wel", "cy" };

	private static final Map<String, String> TWO_LETTER = twoLetterCodes();

	private LanguageTag() {
	}

	public static @Nullable String primary(@Nullable String declared) {
		if (declared == null) {
			return null;
		}
		String tag = declared.strip().toLowerCase(Locale.ROOT).replace('_', '-');
		int dash = tag.indexOf('-');
		String primary = (dash >= 0) ? tag.substring(0, dash) : tag;
		return PRIMARY.matcher(primary).matches() ? TWO_LETTER.getOrDefault(primary, primary) : null;
	}

	private static Map<String, String> twoLetterCodes() {
		Map<String, String> codes = new HashMap<>();
		for (String code : Locale.getISOLanguages()) {
			try {
				codes.put(Locale.forLanguageTag(code).getISO3Language(), code);
			}
			catch (MissingResourceException ex) {
				// A two-letter code without a three-letter one: nothing to map.
			}
		}
		for (int i = 0; i < BIBLIOGRAPHIC.length; i += 2) {
			codes.put(BIBLIOGRAPHIC[i], BIBLIOGRAPHIC[i + 1]);
		}
		return Map.copyOf(codes);
	}

}
