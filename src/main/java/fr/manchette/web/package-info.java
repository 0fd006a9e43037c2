/** Thin HTTP controllers over publish and store. */
@NullMarked
package fr.manchette.web;

import org.jspecify.annotations.NullMarked;
