package fr.manchette.store;

/** What one save did: items seen for the first time, items whose content changed. */
public record SaveResult(int inserted, int updated) {

}
