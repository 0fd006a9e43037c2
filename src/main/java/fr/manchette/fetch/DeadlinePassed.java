package fr.manchette.fetch;

import java.io.IOException;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * An exchange's deadline passed, or a connect or read timeout fired (they never reach past the deadline), and where
 * the exchange was then: the operator's message differs.
 */
final class DeadlinePassed extends IOException {

	/** Where an exchange was when its deadline passed. */
	enum Phase {

		/** Connecting: no server answered the connection. */
		CONNECT,
		/** Waiting for the status line and headers. */
		ANSWER,
		/** Reading the body. */
		BODY

	}

	private final Phase phase;

	DeadlinePassed(Phase phase, @Nullable Throwable cause) {
		super("deadline passed while " + phase.name().toLowerCase(Locale.ROOT), cause);
		this.phase = phase;
	}

	Phase phase() {
		return this.phase;
	}

}
