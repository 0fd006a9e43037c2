package fr.manchette.editorial;

import java.util.List;

import fr.manchette.config.EditorialRules;
import fr.manchette.normalize.Item;

/** The rules without the language detector, for the benchmark that times them apart. */
public final class RulesOnly {

	private RulesOnly() {
	}

	/** How many of the items the rules drop. */
	public static int dropped(EditorialRules file, List<Item> items) {
		int dropped = 0;
		for (Item item : items) {
			if (EditorialStage.dropper(file, EditorialRules.NONE, file.languages(), item) != null) {
				dropped++;
			}
		}
		return dropped;
	}

}
