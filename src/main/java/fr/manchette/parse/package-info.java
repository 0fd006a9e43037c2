/** Turns fetched bytes into raw items with Rome; no Rome type leaves this package. */
@NullMarked
package fr.manchette.parse;

import org.jspecify.annotations.NullMarked;
