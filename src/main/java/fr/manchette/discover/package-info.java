/**
 * The operator's commands that write feeds.yml entries: {@code discover} finds a site's feeds, {@code import} reads
 * a feed reader's OPML export. They use fetch and parse as the pipeline does, run without the web server or the
 * store, and no module depends on them.
 */
@NullMarked
package fr.manchette.discover;

import org.jspecify.annotations.NullMarked;
