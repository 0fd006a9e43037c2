package fr.manchette.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Builds the word index of the items stored before it existed, in the background once the service is up: polls and
 * pages do not wait, and searches walk the items as before until it is done.
 */
@Component
class WordIndexBackfill {

	private static final Logger log = LoggerFactory.getLogger(WordIndexBackfill.class);

	private static final int BATCH = 500;

	private final WordIndex words;

	WordIndexBackfill(WordIndex words) {
		this.words = words;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		Thread thread = new Thread(this::run, "word-index-backfill");
		thread.setDaemon(true);
		thread.start();
	}

	private void run() {
		try {
			long started = System.nanoTime();
			this.words.backfill(BATCH);
			log.debug("Word index ready in {} ms", (System.nanoTime() - started) / 1_000_000);
		}
		catch (RuntimeException ex) {
			// Searches keep walking the items: slower for rare words, never wrong.
			log.warn("Word index not built, searches walk every item kind={} detail={}", ex.getClass().getSimpleName(),
					ex.getMessage());
		}
	}

}
