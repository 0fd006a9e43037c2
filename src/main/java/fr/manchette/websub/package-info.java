/**
 * WebSub (W3C Recommendation), both ways: subscribes to the hubs that sources' feeds announce and takes their pushes
 * down the pipeline's road; pings Manchette's own hub when the merged feeds gain a story. Runs only with
 * {@code manchette.public-url}.
 */
@NullMarked
package fr.manchette.websub;

import org.jspecify.annotations.NullMarked;
