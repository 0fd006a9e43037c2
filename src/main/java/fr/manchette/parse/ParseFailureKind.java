package fr.manchette.parse;

/**
 * Why a body could not be read as a feed: the failure kinds that only parsing produces. A poll that ends on one shows
 * it under this name in {@code /api/sources}.
 */
public enum ParseFailureKind {

	/** The body is not RSS, Atom or JSON Feed (an HTML page, an empty body). */
	NOT_A_FEED,
	/** The body claims to be a feed but cannot be read as one; or a page read with selectors yields nothing. */
	PARSE_ERROR

}
