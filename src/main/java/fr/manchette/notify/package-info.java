/**
 * Tells webhooks of new stories: signed JSON POSTs from the outbox that polls and hubs' pushes fill, retried with
 * backoff on a thread of their own, so that a slow receiver never holds back a poll.
 */
@NullMarked
package fr.manchette.notify;

import org.jspecify.annotations.NullMarked;
