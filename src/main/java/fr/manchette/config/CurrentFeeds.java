package fr.manchette.config;

import java.util.concurrent.atomic.AtomicReference;

/** The feeds.yml in force. Readers ask it each time rather than keep a copy, so that a reload reaches them. */
public class CurrentFeeds {

	private final AtomicReference<FeedsFile> current;

	public CurrentFeeds(FeedsFile initial) {
		this.current = new AtomicReference<>(initial);
	}

	public FeedsFile get() {
		return this.current.get();
	}

	void replace(FeedsFile feeds) {
		this.current.set(feeds);
	}

}
