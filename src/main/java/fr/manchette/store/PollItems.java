package fr.manchette.store;

import java.util.List;

import fr.manchette.dedup.IdentifiedItem;

/**
 * One poll's items as the store sorts them: those it has never stored, and those it stored whose content changed.
 * Items stored unchanged are in neither.
 */
public record PollItems(List<IdentifiedItem> fresh, List<EditedItem> edited) {

	public PollItems {
		fresh = List.copyOf(fresh);
		edited = List.copyOf(edited);
	}

}
