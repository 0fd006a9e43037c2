/** Conducts each source through fetch, parse, normalize, dedup and store on a schedule. */
@NullMarked
package fr.manchette.pipeline;

import org.jspecify.annotations.NullMarked;
