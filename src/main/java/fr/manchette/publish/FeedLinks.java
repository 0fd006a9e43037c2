package fr.manchette.publish;

/**
 * Where a merged feed lives, for its self link and its id.
 *
 * @param self the absolute URL the feed was asked at, query included
 * @param site the absolute URL of the ticker page
 */
public record FeedLinks(String self, String site) {

}
