package fr.manchette.web;

import java.time.Instant;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/** One variant of a published document: its validators at once, its bytes the first time a client needs them. */
final class CachedVariant {

	final Validators validators;

	private final String contentType;

	private @Nullable Supplier<String> render;

	private volatile @Nullable RenderedDocument rendered;

	/** When it goes though the state holds, in epoch milliseconds; {@link Long#MAX_VALUE} if never. */
	private final long until;

	CachedVariant(Validators validators, String contentType, Supplier<String> render, @Nullable Instant until) {
		this.validators = validators;
		this.contentType = contentType;
		this.render = render;
		this.until = (until != null) ? until.toEpochMilli() : Long.MAX_VALUE;
	}

	boolean expired(long now) {
		return now >= this.until;
	}

	/** Whether its bytes are ready: a client without a current copy can be answered without rendering. */
	boolean isRendered() {
		return this.rendered != null;
	}

	RenderedDocument rendered() {
		RenderedDocument rendered = this.rendered;
		if (rendered != null) {
			return rendered;
		}
		// One render per variant, however many clients ask at once.
		synchronized (this) {
			if (this.rendered == null) {
				this.rendered = new RenderedDocument(this.contentType, this.render.get(), this.validators);
				this.render = null;
			}
			return this.rendered;
		}
	}

}
