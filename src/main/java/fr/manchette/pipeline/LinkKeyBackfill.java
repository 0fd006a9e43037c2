package fr.manchette.pipeline;

import fr.manchette.store.MissingLinkKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * At start-up, before the first poll (the poll scheduler depends on it), gives their link keys to items stored by a
 * version that had none, so that a new item with the same link joins their story. Nothing to do on later starts.
 */
@Component
class LinkKeyBackfill implements InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(LinkKeyBackfill.class);

	private final MissingLinkKeys linkKeys;

	LinkKeyBackfill(MissingLinkKeys linkKeys) {
		this.linkKeys = linkKeys;
	}

	@Override
	public void afterPropertiesSet() {
		int completed = this.linkKeys.complete();
		if (completed > 0) {
			log.info("Link keys completed for items={} stored before they existed", completed);
		}
	}

}
