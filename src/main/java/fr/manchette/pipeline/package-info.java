/**
 * Conducts each source through fetch, parse, normalize, the editorial rules, dedup and store on a schedule, and the
 * items that WebSub hubs push through the same steps from parse on.
 */
@NullMarked
package fr.manchette.pipeline;

import org.jspecify.annotations.NullMarked;
