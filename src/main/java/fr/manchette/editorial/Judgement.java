package fr.manchette.editorial;

import java.util.List;

import fr.manchette.normalize.Item;

/**
 * One poll's items as the rules judged them.
 *
 * @param kept what goes on to be identified and stored, in feed order, each with its language
 * @param dropped what the rules dropped, each with the rule that did
 * @param rulesVersion a digest of the rules that judged them: a remembered drop made under other rules is judged
 * again
 */
public record Judgement(List<Item> kept, List<Dropped> dropped, String rulesVersion) {

	public Judgement {
		kept = List.copyOf(kept);
		dropped = List.copyOf(dropped);
	}

	/**
	 * @param item the item, with its language
	 * @param rule the rule that dropped it, as {@code /api/sources} counts it: {@code drop: publireportage},
	 * {@code keep} (it matched no keep rule), {@code languages: fr} (it is in another language)
	 */
	public record Dropped(Item item, String rule) {
	}

}
