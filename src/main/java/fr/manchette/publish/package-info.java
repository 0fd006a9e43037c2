/** Renders the store as merged RSS and Atom feeds and as the headline ticker. */
@NullMarked
package fr.manchette.publish;

import org.jspecify.annotations.NullMarked;
