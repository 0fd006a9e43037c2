/** Cleans raw items: plain-text titles, sanitized summaries, canonical links, dates as instants. */
@NullMarked
package fr.manchette.normalize;

import org.jspecify.annotations.NullMarked;
