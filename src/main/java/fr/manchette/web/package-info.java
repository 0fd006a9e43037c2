/** Thin HTTP controllers over publish, store, notify (the webhooks' status) and config. */
@NullMarked
package fr.manchette.web;

import org.jspecify.annotations.NullMarked;
