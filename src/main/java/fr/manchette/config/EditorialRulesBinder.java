package fr.manchette.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * Binds {@code drop}, {@code keep} and {@code languages}, at the top of feeds.yml or under a source, reporting each
 * problem with where it is and the rule ({@code feeds[2] (id "le360"): drop[1] "title: re:(": ...}). Every pattern
 * is compiled here, so that a typo stops the start (or is refused on reload) rather than matching nothing.
 */
final class EditorialRulesBinder {

	static final List<String> KEYS = List.of("drop", "keep", "languages");

	static final String PATTERN_PREFIX = "re:";

	private static final List<String> FIELDS = Arrays.stream(RuleField.values()).map(RuleField::key).toList();

	private static final Set<String> LANGUAGES = new TreeSet<>(Arrays.asList(Locale.getISOLanguages()));

	private final MappingReader mapping;

	/** @param mapping the reader of the file's top level or of one source, whose prefix says where */
	EditorialRulesBinder(MappingReader mapping) {
		this.mapping = mapping;
	}

	/** @return the rules, or {@link EditorialRules#NONE} when there are none or any problem (each one reported) */
	EditorialRules bind() {
		int before = this.mapping.problems().size();
		List<ItemRule> drop = rules("drop");
		List<ItemRule> keep = rules("keep");
		List<String> languages = languages();
		if (this.mapping.problems().size() > before) {
			return EditorialRules.NONE;
		}
		EditorialRules rules = new EditorialRules(drop, keep, languages);
		return rules.isEmpty() ? EditorialRules.NONE : rules;
	}

	private List<ItemRule> rules(String key) {
		Object value = this.mapping.value(key);
		if (value == null) {
			return List.of();
		}
		if (!(value instanceof List<?> entries)) {
			this.mapping.problem(key + " must be a list of rules, each a line starting with \"- \" (found "
					+ MappingReader.describe(value) + ")");
			return List.of();
		}
		List<ItemRule> rules = new ArrayList<>();
		for (int index = 0; index < entries.size(); index++) {
			ItemRule rule = rule(key + "[" + index + "]", entries.get(index));
			if (rule != null) {
				rules.add(rule);
			}
		}
		return rules;
	}

	private @Nullable ItemRule rule(String where, @Nullable Object entry) {
		if (entry instanceof String || entry instanceof Number) {
			String text = entry.toString().trim();
			return matcher(where, text, null, text);
		}
		if (entry instanceof Map<?, ?> map && map.size() == 1) {
			Map.Entry<?, ?> only = map.entrySet().iterator().next();
			String name = String.valueOf(only.getKey());
			Object value = only.getValue();
			String text = name + ": " + ((value != null) ? value.toString().trim() : "");
			if (!FIELDS.contains(name)) {
				String closest = ClosestMatch.of(name, FIELDS);
				this.mapping.problem(where + " \"" + text + "\": unknown field \"" + name + "\" (allowed: "
						+ String.join(", ", FIELDS) + ")"
						+ ((closest != null) ? "; did you mean \"" + closest + "\"?" : ""));
				return null;
			}
			if (!(value instanceof String) && !(value instanceof Number)) {
				this.mapping.problem(where + " \"" + text + "\": " + name + " must be words or re: and a pattern (found "
						+ MappingReader.describe(value) + ")");
				return null;
			}
			return matcher(where, text, RuleField.valueOf(name.toUpperCase(Locale.ROOT)), value.toString().trim());
		}
		this.mapping.problem(where + " must be words (e.g. publireportage) or one field and its words or pattern "
				+ "(e.g. title: \"re:^Horoscope\"; fields: " + String.join(", ", FIELDS) + ") (found "
				+ ((entry instanceof Map) ? "a mapping with " + ((Map<?, ?>) entry).size() + " keys"
						: MappingReader.describe(entry))
				+ ")");
		return null;
	}

	private @Nullable ItemRule matcher(String where, String text, @Nullable RuleField field, String value) {
		if (value.startsWith(PATTERN_PREFIX)) {
			String pattern = value.substring(PATTERN_PREFIX.length());
			if (pattern.isEmpty()) {
				this.mapping.problem(where + " \"" + text + "\": the pattern after re: is empty");
				return null;
			}
			if (ExpandedPatternSize.of(pattern) > ExpandedPatternSize.MAX) {
				this.mapping.problem(where + " \"" + text + "\": too large once its repetitions are written out (more "
						+ "than " + ExpandedPatternSize.MAX + " characters to match; (a{100}){100} is 10000)");
				return null;
			}
			try {
				return new ItemRule(text, field, null, Pattern.compile(pattern));
			}
			catch (PatternSyntaxException ex) {
				this.mapping.problem(where + " \"" + text + "\": not a valid RE2 pattern (" + ex.getDescription()
						+ "); RE2 has no backreferences nor lookaround");
				return null;
			}
		}
		if (!value.codePoints().anyMatch(Character::isLetterOrDigit)) {
			this.mapping.problem(where + " \"" + text + "\": has no words (write words, or re: and a pattern)");
			return null;
		}
		return new ItemRule(text, field, value, null);
	}

	/** A two-letter code, or a three-letter one of a language without one that the JDK can name (zgh, kab). */
	private static boolean known(String code) {
		return LANGUAGES.contains(code) || (code.length() == 3
				&& !Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH).equals(code));
	}

	private @Nullable List<String> languages() {
		Object value = this.mapping.value("languages");
		if (value == null) {
			return null;
		}
		List<?> entries = (value instanceof List<?> list) ? list : (value instanceof String) ? List.of(value) : null;
		if (entries == null || entries.isEmpty()) {
			this.mapping.problem("languages must be a list of language codes such as [fr] or [fr, ar] (found "
					+ MappingReader.describe(value) + ")");
			return null;
		}
		List<String> languages = new ArrayList<>();
		for (Object entry : entries) {
			// As items are stored and lang= reads them: fr-FR, FR and fra are all fr.
			String code = (entry instanceof String text) ? LanguageTag.primary(text) : null;
			if (entry instanceof Boolean) {
				this.mapping.problem("languages: " + entry + " is not a language code (YAML reads no, yes, on and off "
						+ "without quotes as false or true: write \"no\" for Norwegian)");
			}
			else if (code == null || !known(code)) {
				String closest = (entry instanceof String text) ? ClosestMatch.of(text.strip(), LANGUAGES) : null;
				this.mapping.problem("languages: " + ((entry instanceof String) ? "\"" + entry + "\""
						: MappingReader.describe(entry))
						+ " is not an ISO 639 language code (e.g. fr, ar, en, es, zgh)"
						+ ((closest != null) ? "; did you mean \"" + closest + "\"?" : ""));
			}
			else if (!languages.contains(code)) {
				languages.add(code);
			}
		}
		return languages;
	}

}
