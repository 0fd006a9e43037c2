package fr.manchette.store;

/**
 * {@code spring.datasource.url} names a database that the store cannot run on. Its message is one sentence for the
 * operator, with any password in the URL hidden.
 */
public final class UnusableDatabaseUrlException extends RuntimeException {

	private final String url;

	UnusableDatabaseUrlException(String url, String reason) {
		super("spring.datasource.url \"" + DatabaseUrl.masked(url) + "\" cannot work: " + reason + ".");
		this.url = DatabaseUrl.masked(url);
	}

	/** The URL given, its password hidden. */
	public String url() {
		return this.url;
	}

}
