package fr.manchette.dedup;

import java.time.Instant;

/**
 * A new item with its story decided: what the store inserts.
 *
 * @param identified the item and its identity
 * @param sortAt its place in time, fixed at its first insert
 * @param storyKey the story it joins, or starts
 */
public record AssignedItem(IdentifiedItem identified, Instant sortAt, String storyKey) {

}
