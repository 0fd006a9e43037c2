package fr.manchette.editorial;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.google.re2j.Pattern;
import fr.manchette.config.ItemRule;
import fr.manchette.normalize.FoldedText;
import fr.manchette.normalize.Item;
import org.jspecify.annotations.Nullable;

/**
 * Whether one item matches rules: words must each start a word of the field, folded as {@code q} folds them (case,
 * accents, ligatures); a pattern is found anywhere in the field as written, by RE2/J, in time linear in the text
 * whatever the pattern. Without a field, words are looked for in the title and the summary together, as {@code q}
 * does, and a pattern in either; a category rule matches when one of the categories does. Each field is folded once
 * for all the rules.
 */
final class RuleMatcher {

	/** The folded words of each rule's text: a file has a few dozen rules, and an edit a few more. */
	private static final Map<String, List<String>> RULE_WORDS = new ConcurrentHashMap<>();

	private static final int MAX_RULE_WORDS = 10_000;

	private final Item item;

	private final Map<String, String> folded = new HashMap<>();

	RuleMatcher(Item item) {
		this.item = item;
	}

	boolean matches(ItemRule rule) {
		if (rule.field() == null) {
			Pattern pattern = rule.pattern();
			if (pattern != null) {
				return pattern.matcher(this.item.title()).find() || pattern.matcher(this.item.summaryText()).find();
			}
			return words(rule, "text", this.item.title() + " " + this.item.summaryText());
		}
		return switch (rule.field()) {
			case TITLE -> matches(rule, "title", this.item.title());
			case SUMMARY -> matches(rule, "summary", this.item.summaryText());
			case LINK -> matches(rule, "link", (this.item.link() != null) ? this.item.link().toString() : null);
			case AUTHOR -> matches(rule, "author", this.item.author());
			case CATEGORY -> {
				List<String> categories = this.item.categories();
				for (int i = 0; i < categories.size(); i++) {
					if (matches(rule, "category" + i, categories.get(i))) {
						yield true;
					}
				}
				yield false;
			}
		};
	}

	private boolean matches(ItemRule rule, String key, @Nullable String text) {
		if (text == null) {
			return false;
		}
		Pattern pattern = rule.pattern();
		return (pattern != null) ? pattern.matcher(text).find() : words(rule, key, text);
	}

	private boolean words(ItemRule rule, String key, String text) {
		String folded = this.folded.computeIfAbsent(key, (any) -> FoldedText.fold(text));
		return FoldedText.containsAll(folded, ruleWords(rule.words()));
	}

	private static List<String> ruleWords(String words) {
		if (RULE_WORDS.size() > MAX_RULE_WORDS) {
			// Only ever reached by a file edited thousands of times: start afresh rather than grow.
			RULE_WORDS.clear();
		}
		return RULE_WORDS.computeIfAbsent(words, FoldedText::words);
	}

}
