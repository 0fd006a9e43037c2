package fr.manchette.config;

/** feeds.yml was edited and the edit was valid: {@code feeds} is now in force. */
public record FeedsFileReloaded(FeedsFile feeds) {

}
