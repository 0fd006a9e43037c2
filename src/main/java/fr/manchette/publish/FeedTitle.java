package fr.manchette.publish;

import org.jspecify.annotations.Nullable;

/** The merged feed's title and description, in every format: the latest items, or the stories ranked à la une. */
enum FeedTitle {

	LATEST("Manchette", "Le fil d'actualité de vos sources, en un seul flux"),

	UNE("Manchette — À la une", "Les sujets repris par le plus de sources ces dernières heures");

	private final String title;

	private final String description;

	FeedTitle(String title, String description) {
		this.title = title;
		this.description = description;
	}

	/** @param une whether the stories are ranked à la une: a "top stories" feed, so titled */
	static FeedTitle of(boolean une) {
		return une ? UNE : LATEST;
	}

	String title() {
		return this.title;
	}

	/**
	 * The title of a list narrowed to {@code scope}: {@code Manchette — sport · « maroc »}, so that a reader
	 * subscribed to several lists of one service tells them apart.
	 * @param scope what the list holds ({@link PageFilters#scope}), null for everything
	 */
	String title(@Nullable String scope) {
		return (scope != null) ? this.title + " — " + scope : this.title;
	}

	String description() {
		return this.description;
	}

}
