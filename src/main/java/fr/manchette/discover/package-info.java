/**
 * The operator's {@code discover} command: finds a site's feeds and prints the feeds.yml entries to add. It uses
 * fetch and parse as the pipeline does, runs without the web server or the store, and no module depends on it.
 */
@NullMarked
package fr.manchette.discover;

import org.jspecify.annotations.NullMarked;
