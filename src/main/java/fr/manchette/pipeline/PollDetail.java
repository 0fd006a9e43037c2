package fr.manchette.pipeline;

import fr.manchette.fetch.FailureDetail;

/** What a poll adds to its stage's failure detail, in the words {@code /api/sources} keeps. */
public enum PollDetail implements FailureDetail {

	/** OK, of a body cut short: {0} the bytes received, {1} the whole items read from them. */
	CUT_SHORT("answer cut after {0} bytes: its {1} whole items read, all of it asked for again next time"),
	/**
	 * OK, of a document that ends before its root element or object closes, its body whole for HTTP: {0} its bytes,
	 * {1} the whole items read from them.
	 */
	ENDED_EARLY("document ends early, after {0} bytes: its {1} whole items read, all of it asked for again next time"),
	/** NETWORK, of a body cut short: {0} the bytes received. */
	CUT_BEFORE_ITEM("answer cut after {0} bytes, before its first whole item"),

	/**
	 * TOO_LARGE under {@code poll.max-size}: {0} the fetch's detail, {1} max-size and {2} what the heap stores, in
	 * MB, {3} the heap a body takes by byte.
	 */
	HEAP_TOO_SMALL("{0} (poll.max-size is {1} MB, but this heap stores bodies of {2} MB at most: give the JVM {3} times "
			+ "the largest body with -Xmx)");

	private final String form;

	PollDetail(String form) {
		this.form = form;
	}

	@Override
	public String form() {
		return this.form;
	}

}
