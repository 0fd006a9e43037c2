/**
 * Turns fetched bytes into raw items: the plainest RSS 2.0 read from the parser's events, RSS 2.0 and Atom 1.0 read
 * from the tree as Rome would, the other XML formats with Rome, JSON Feed with Jackson; no Rome or Jackson type leaves
 * this package.
 */
@NullMarked
package fr.manchette.parse;

import org.jspecify.annotations.NullMarked;
