package fr.manchette.publish;

import java.util.List;

/**
 * Where a merged feed lives, for its self link and its id.
 *
 * @param self the absolute URL the feed was asked at, query included; for a feed announced on a WebSub hub, its
 * public URL, the topic the hub knows it by
 * @param site the absolute URL of the ticker page
 * @param hubs the WebSub hubs the feed announces ({@code rel="hub"}), none for most
 */
public record FeedLinks(String self, String site, List<String> hubs) {

	public FeedLinks {
		hubs = List.copyOf(hubs);
	}

	/** A feed that announces no hub. */
	public FeedLinks(String self, String site) {
		this(self, site, List.of());
	}

}
