package fr.manchette.config;

/** How a source is read. */
public enum SourceType {

	/** An RSS or Atom document. */
	FEED

}
