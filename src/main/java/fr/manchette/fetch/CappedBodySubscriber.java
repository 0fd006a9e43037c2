package fr.manchette.fetch;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body in memory and gives up as soon as it passes a cap, so that a 50 MB answer costs us
 * at most the cap, never the whole download.
 */
final class CappedBodySubscriber implements BodySubscriber<byte[]> {

	private final long maxBytes;

	private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

	private final CompletableFuture<byte[]> body = new CompletableFuture<>();

	private Flow.Subscription subscription;

	CappedBodySubscriber(long maxBytes) {
		this.maxBytes = maxBytes;
	}

	@Override
	public CompletionStage<byte[]> getBody() {
		return this.body;
	}

	@Override
	public void onSubscribe(Flow.Subscription subscription) {
		this.subscription = subscription;
		subscription.request(Long.MAX_VALUE);
	}

	@Override
	public void onNext(List<ByteBuffer> buffers) {
		for (ByteBuffer buffer : buffers) {
			if (this.buffer.size() + (long) buffer.remaining() > this.maxBytes) {
				this.subscription.cancel();
				this.body.completeExceptionally(new BodyTooLargeException(this.maxBytes));
				return;
			}
			byte[] chunk = new byte[buffer.remaining()];
			buffer.get(chunk);
			this.buffer.writeBytes(chunk);
		}
	}

	@Override
	public void onError(Throwable failure) {
		this.body.completeExceptionally(failure);
	}

	@Override
	public void onComplete() {
		this.body.complete(this.buffer.toByteArray());
	}

	/** The body passed the cap. */
	static final class BodyTooLargeException extends RuntimeException {

		BodyTooLargeException(long maxBytes) {
			super("body is larger than " + maxBytes + " bytes");
		}

	}

}
