package fr.manchette.parse;

import fr.manchette.fetch.FailureDetail;

/** Why a body could not be read, in the words {@code /api/sources} keeps; each with its {@link ParseFailureKind}. */
public enum ParseDetail implements FailureDetail {

	/** NOT_A_FEED; PARSE_ERROR for a {@code type: html} page. */
	EMPTY_BODY("empty body"),
	/** NOT_A_FEED. */
	HTML_PAGE("an HTML page, not a feed"),
	/** NOT_A_FEED: {0} the root element's name. */
	OTHER_XML("XML whose root is <{0}>, not RSS or Atom"),
	/** NOT_A_FEED. */
	JSON_WITHOUT_VERSION("JSON without a JSON Feed version (https://jsonfeed.org/version/…)"),
	/** NOT_A_FEED. */
	JSON_NOT_AN_OBJECT("JSON that is not an object, not a JSON Feed"),
	/** PARSE_ERROR: {0} what the XML parser said. */
	MALFORMED_XML("not well-formed XML: {0}"),
	/** PARSE_ERROR: {0} what the XML parser said. */
	UNREADABLE_XML("unreadable XML: {0}"),
	/** PARSE_ERROR. */
	ENTITIES_REFUSED("DOCTYPE with entity declarations refused (XXE and entity bombs)"),
	/** PARSE_ERROR: {0} what Rome said. */
	NOT_FOR_ROME("not a feed Rome can read: {0}"),
	/** PARSE_ERROR: {0} what the JSON parser said. */
	JSON_TOO_BIG("JSON refused, beyond the limits of a feed: {0}"),
	/** PARSE_ERROR: {0} what the JSON parser said. */
	MALFORMED_JSON("not well-formed JSON: {0}"),
	/** PARSE_ERROR. */
	JSON_ITEMS_NOT_A_LIST("a JSON Feed whose items are not an array"),
	/** PARSE_ERROR (a {@code type: html} page): {0} the item selector. */
	NO_ITEM_MATCHED("selector `{0}` matched nothing"),
	/** PARSE_ERROR (a {@code type: html} page): {0} the title selector, {1} how many items, {2} the item selector. */
	NO_TITLE_MATCHED("selector `{0}` (title) matched nothing in the {1} items of `{2}`");

	private final String form;

	ParseDetail(String form) {
		this.form = form;
	}

	@Override
	public String form() {
		return this.form;
	}

}
