/** Fetches a source over HTTP: conditional GET, timeouts, size cap; failures are returned as data. */
@NullMarked
package fr.manchette.fetch;

import org.jspecify.annotations.NullMarked;
