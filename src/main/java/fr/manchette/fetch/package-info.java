/** Fetches a source over HTTP: conditional GET, checked redirects, timeouts, size cap; failures returned as data. */
@NullMarked
package fr.manchette.fetch;

import org.jspecify.annotations.NullMarked;
