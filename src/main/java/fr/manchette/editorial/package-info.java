/**
 * What goes into the merged feed: each normalized item's language, checked by a detector, and the drop, keep and
 * languages rules of feeds.yml, which keep or drop it before it is identified and stored.
 */
@NullMarked
package fr.manchette.editorial;

import org.jspecify.annotations.NullMarked;
