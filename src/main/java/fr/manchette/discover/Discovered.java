package fr.manchette.discover;

import java.util.List;

/**
 * What discovery found for a site.
 *
 * @param feeds the feeds to propose, announced ones first
 * @param leftOut the feeds the page announces that are not proposed, each with why
 */
public record Discovered(List<FoundFeed> feeds, List<LeftOut> leftOut) {

	public Discovered {
		feeds = List.copyOf(feeds);
		leftOut = List.copyOf(leftOut);
	}

}
