package fr.manchette.publish;

import java.time.Duration;

/**
 * What a page links to besides itself: the app's own stylesheet, script and icon (no CDN, no external font), at
 * the versioned addresses that let browsers keep them for a year, and how often the ticker asks for new stories.
 *
 * @param refresh how often the ticker page fetches {@code /api/headlines}
 * @param backgroundRefresh how often it does in a background tab, if that is longer than {@code refresh}
 */
public record PageResources(String stylesheet, String script, String icon, Duration refresh,
		Duration backgroundRefresh) {

}
