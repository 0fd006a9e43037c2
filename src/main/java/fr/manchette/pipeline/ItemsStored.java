package fr.manchette.pipeline;

/**
 * A poll or a push stored new items of a source, committed: the merged feeds have changed.
 *
 * @param inserted how many items were new
 */
public record ItemsStored(String sourceId, int inserted) {

}
