package fr.manchette.config;

import com.google.re2j.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a {@code drop:} or {@code keep:} list.
 *
 * @param text the rule as feeds.yml writes it ({@code publireportage}, {@code title: re:^Horoscope}): it names the
 * rule in counts and messages
 * @param field the field it looks at; null for the title or the summary (a bare string)
 * @param words the words that must all appear, as written (folded when compared); null for a pattern
 * @param pattern the RE2 pattern ({@code re:} and a pattern), compiled at load; null for words
 */
public record ItemRule(String text, @Nullable RuleField field, @Nullable String words, @Nullable Pattern pattern) {

	public ItemRule {
		if ((words == null) == (pattern == null)) {
			throw new IllegalArgumentException("a rule has either words or a pattern");
		}
	}

}
