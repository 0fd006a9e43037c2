package fr.manchette.store;

/**
 * Turns off H2's object cache ({@code h2.objectCache}) for this JVM, unless the operator set it with {@code -D}.
 * <p>
 * H2 passes every string bound to a statement, and every number and string it reads back, through a small cache of
 * recent values, to share equal ones: it hashes each string in full (a summary, the text a search reads) and keeps
 * the last ones reachable from an array that lives in the old generation. Storing writes a dozen new strings an
 * item that are never equal to a cached one, so the cache only costs: measured on the 1000-feed cold pass, the hashing
 * was 3 % of the samples, and the strings it keeps alive are copied by young collections and promoted. With it off,
 * 4 alternated pairs of cold passes took 0.42–0.53 ms of CPU an item against 0.48–0.54, with 52–66 young collections
 * against 67–72. H2 reads the property once, when its settings class loads: this must run before anything touches H2.
 */
public final class H2ObjectCache {

	static final String PROPERTY = "h2.objectCache";

	private H2ObjectCache() {
	}

	/** @return the value in force now: {@code false}, or what the operator gave */
	public static String offUnlessSet() {
		if (System.getProperty(PROPERTY) == null) {
			System.setProperty(PROPERTY, "false");
		}
		return System.getProperty(PROPERTY);
	}

}
