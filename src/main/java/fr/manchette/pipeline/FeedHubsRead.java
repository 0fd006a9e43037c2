package fr.manchette.pipeline;

import java.net.URI;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A poll read a source's feed, which announces these WebSub hubs (none, possibly) and this self link: what a WebSub
 * subscriber needs to subscribe, or to notice that it should stop.
 *
 * @param documentUrl where the feed was read, against which relative links resolve
 * @param hubs the hubs, as written
 * @param self the self link (the topic), as written
 */
public record FeedHubsRead(String sourceId, URI documentUrl, List<String> hubs, @Nullable String self) {

	public FeedHubsRead {
		hubs = List.copyOf(hubs);
	}

}
