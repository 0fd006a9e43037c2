package fr.manchette.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The {@code WHERE} of a list: the filters of an {@link ItemQuery} (sources, languages, since) and its search words,
 * as conditions on one alias of {@code item} with their named parameters.
 */
@Component
class ItemFilter {

	private final WordIndex words;

	ItemFilter(WordIndex words) {
		this.words = words;
	}

	/**
	 * The query's conditions, narrowed by the word index to the items of its rarest word when that is quicker than a
	 * walk: for the items a list shows.
	 */
	String matching(String alias, ItemQuery query, Map<String, Object> params) {
		return conditions(alias, query, params) + this.words.narrow(alias, query.words(), params);
	}

	/** The query's conditions alone: the {@code LIKE} on every word stays, the index only ever narrows. */
	static String conditions(String alias, ItemQuery query, Map<String, Object> params) {
		List<String> conditions = new ArrayList<>();
		conditions.add("1 = 1");
		in(conditions, alias + ".source_id", "sources", query.sources(), params);
		in(conditions, alias + ".lang", "languages", query.languages(), params);
		if (query.removed() != null) {
			conditions.add(alias + ".source_id NOT IN (:removed)");
			params.put("removed", List.copyOf(query.removed()));
		}
		if (query.since() != null) {
			conditions.add(alias + ".sort_at >= :since");
			params.put("since", Timestamps.param(query.since()));
		}
		List<String> words = query.words();
		if (words.isEmpty() && query.text() != null && !query.text().isBlank()) {
			// Asked for, but no letter or figure in it (an emoji, punctuation): nothing has all its words.
			conditions.add("1 = 0");
		}
		for (int i = 0; i < words.size(); i++) {
			// search_text is folded and padded with spaces: ' word' matches at the start of a word.
			conditions.add(alias + ".search_text LIKE :word" + i + " ESCAPE '!'");
			params.put("word" + i, "% " + escapeLike(words.get(i)) + "%");
		}
		return String.join(" AND ", conditions);
	}

	/** A column among the values asked for: no condition for null (any), none matching for an empty set. */
	private static void in(List<String> conditions, String column, String name, @Nullable Set<String> values,
			Map<String, Object> params) {
		if (values == null) {
			return;
		}
		if (values.isEmpty()) {
			conditions.add("1 = 0");
		}
		else {
			conditions.add(column + " IN (:" + name + ")");
			params.put(name, List.copyOf(values));
		}
	}

	private static String escapeLike(String word) {
		return word.replace("!", "!!").replace("%", "!%").replace("_", "!_");
	}

}
