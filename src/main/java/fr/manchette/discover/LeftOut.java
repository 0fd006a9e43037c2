package fr.manchette.discover;

/**
 * A feed the page announces that discovery does not propose, said to the operator rather than skipped in silence.
 *
 * @param address where it points, as fetched (percent-encoded), or its {@code href} as written when it points nowhere
 * @param type the type it is announced with, e.g. {@code text/xml}, or its format once fetched ({@code RSS 2.0})
 * @param why in a few words: not an http(s) address, could not be fetched (and how), not a feed (and what it is),
 *     or the same feed as one proposed
 */
public record LeftOut(String address, String type, String why) {

}
