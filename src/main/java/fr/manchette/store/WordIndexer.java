package fr.manchette.store;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Indexes the words of new items in the background, every few seconds, a batch at a time (see {@link WordIndex}):
 * polls do not wait for it, and searches see the items it has not reached yet all the same. A store upgraded from a
 * version without the index, or whose index was rebuilt, is indexed the same way, from its first item.
 */
@Component
class WordIndexer implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(WordIndexer.class);

	/**
	 * Items per transaction: some 100 000 words, each page of the index written once for them. A word's new keys
	 * follow each other at the end of its range, so the more items a batch has, the more of them share a page: 10 000
	 * took a fifth less CPU an item than 2 000 (96 to 75 µs, C1, 100 000 items over a store of 200 000).
	 */
	static final int BATCH = 10_000;

	/** Between two rounds: long enough for a burst of polls to make a batch, short for a search's tail. */
	static final Duration EVERY = Duration.ofSeconds(5);

	private final WordIndex words;

	private final BackgroundRounds background = new BackgroundRounds("word-index");

	private final StoreOutage outage;

	WordIndexer(WordIndex words, StoreOutage outage) {
		this.words = words;
		this.outage = outage;
	}

	/**
	 * The first round waits one interval too: right after a start every source is due, and that round of polls is
	 * what the service is for (searches meanwhile walk the items not indexed yet, as after any burst). Indexing a
	 * tail left by the last run at once took as much CPU as the 1000 conditional GETs of a restart, at the same time.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void start() {
		this.background.start(EVERY, EVERY, this::inBackground);
	}

	/** Indexes every item stored so far that is not indexed yet; returns how many. */
	int catchUp() {
		int indexed = 0;
		int last;
		do {
			last = this.words.indexNext(BATCH);
			indexed += last;
		}
		while (last == BATCH && !this.background.stopping());
		return indexed;
	}

	private void inBackground() {
		try {
			long started = System.nanoTime();
			int indexed = catchUp();
			if (indexed > 0) {
				log.debug("Indexed the words of {} items in {} ms", indexed, (System.nanoTime() - started) / 1_000_000);
			}
			// Every instance runs this round, one that only serves too: it tells when the database is back.
			this.outage.answered();
		}
		catch (RuntimeException ex) {
			// The next round starts where this one stopped; until then searches walk the items not indexed.
			if (this.background.stopping()) {
				return;
			}
			if (!this.outage.said("indexing words", ex)) {
				log.warn("Word index not brought up to date kind={} detail={}", ex.getClass().getSimpleName(),
						ex.getMessage());
			}
		}
	}

	/** Stops the rounds before the connection pool closes: a batch under way ends first. */
	@Override
	public void destroy() throws InterruptedException {
		this.background.stop();
	}

}
