package fr.manchette.pipeline;

import java.util.Set;

/**
 * The sources whose new items are pushed to this service (a WebSub hub delivers them): the pacer polls them at their
 * ceiling only, as a safety net, with the reason {@link IntervalReason#PUSHED}. A bean of this type, if there is one,
 * answers; without one every source is polled.
 */
public interface PushedSources {

	/** True while the source's pushes are expected (a live subscription), false to poll it at its own pace. */
	boolean pushed(String sourceId);

	/**
	 * The ids of the sources whose pushes are expected now, read at once: for a page that shows every source, which
	 * would otherwise ask once per source.
	 */
	Set<String> pushedNow();

}
