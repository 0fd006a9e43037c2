package fr.manchette.store;

import java.util.List;

/**
 * The rows of a poll's new items but for their places and stories, made before the story lock by
 * {@link ItemRepository#rows} and inserted under it by {@link ItemRepository#insert(NewRows, List, Runnable)}.
 */
public final class NewRows {

	private final String sourceId;

	private final List<Object[]> rows;

	NewRows(String sourceId, List<Object[]> rows) {
		this.sourceId = sourceId;
		this.rows = List.copyOf(rows);
	}

	String sourceId() {
		return this.sourceId;
	}

	List<Object[]> rows() {
		return this.rows;
	}

}
