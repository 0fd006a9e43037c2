/**
 * Turns fetched bytes into raw items with Rome (RSS, Atom) and Jackson (JSON Feed); no Rome or Jackson type leaves
 * this package.
 */
@NullMarked
package fr.manchette.parse;

import org.jspecify.annotations.NullMarked;
