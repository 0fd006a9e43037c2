package fr.manchette.config;

/** How a source is read. */
public enum SourceType {

	/** An RSS or Atom document. */
	FEED,

	/** A web page with no feed, read with the CSS selectors of {@link TickerSelectors}. */
	HTML

}
