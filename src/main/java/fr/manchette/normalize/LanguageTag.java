package fr.manchette.normalize;

import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A declared language reduced to its primary subtag: {@code fr-FR}, {@code fr_MA} and {@code FR} are all
 * {@code fr}. What is no language tag ({@code français}, {@code x}) is no language.
 */
public final class LanguageTag {

	private static final Pattern PRIMARY = Pattern.compile("[a-z]{2,3}");

	private LanguageTag() {
	}

	public static @Nullable String primary(@Nullable String declared) {
		if (declared == null) {
			return null;
		}
		String tag = declared.strip().toLowerCase(Locale.ROOT).replace('_', '-');
		int dash = tag.indexOf('-');
		String primary = (dash >= 0) ? tag.substring(0, dash) : tag;
		return PRIMARY.matcher(primary).matches() ? primary : null;
	}

}
