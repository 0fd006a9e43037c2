/** Gives every item its identity within its source and its story across sources. */
@NullMarked
package fr.manchette.dedup;

import org.jspecify.annotations.NullMarked;
