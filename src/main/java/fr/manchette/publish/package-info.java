/**
 * Renders the store as the merged feeds (RSS, Atom, JSON Feed), the headline ticker, the OPML of the sources and the
 * HTML pages (the ticker's, {@code /sources}).
 */
@NullMarked
package fr.manchette.publish;

import org.jspecify.annotations.NullMarked;
