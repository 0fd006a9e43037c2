/**
 * Reads and validates feeds.yml, the operator's list of sources, and binds the service's settings
 * ({@link fr.manchette.config.ManchetteProperties} and the others); holds what several packages need alike
 * ({@link fr.manchette.config.Backoff}).
 */
@NullMarked
package fr.manchette.config;

import org.jspecify.annotations.NullMarked;
