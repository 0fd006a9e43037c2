package fr.manchette.pipeline;

import fr.manchette.store.MissingLinkKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start-up, before the first poll, gives their link keys to items stored by a version that had none, so that a
 * new item with the same link joins their story. Nothing to do on later starts.
 */
@Component
class LinkKeyBackfill {

	private static final Logger log = LoggerFactory.getLogger(LinkKeyBackfill.class);

	private final MissingLinkKeys linkKeys;

	LinkKeyBackfill(MissingLinkKeys linkKeys) {
		this.linkKeys = linkKeys;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void backfill() {
		int completed = this.linkKeys.complete();
		if (completed > 0) {
			log.info("Link keys completed for items={} stored before they existed", completed);
		}
	}

}
