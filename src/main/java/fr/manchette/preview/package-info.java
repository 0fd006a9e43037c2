/** The {@code preview} command: what a {@code type: html} source's selectors yield, printed for the operator. */
@NullMarked
package fr.manchette.preview;

import org.jspecify.annotations.NullMarked;
