/** Reads and validates feeds.yml, the operator's list of sources. */
@NullMarked
package fr.manchette.config;

import org.jspecify.annotations.NullMarked;
