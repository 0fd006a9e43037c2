package fr.manchette.store;

import java.time.Instant;

import fr.manchette.dedup.IdentifiedItem;

/**
 * A stored item whose content changed: its row is updated, its place and story stay.
 *
 * @param id its row
 * @param sortAt its place in time, fixed at its first insert
 * @param identified the item as read now
 */
public record EditedItem(long id, Instant sortAt, IdentifiedItem identified) {

}
