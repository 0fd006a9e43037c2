package fr.manchette.store;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A source's WebSub subscription, as the subscriber left it. Transitions return a new value; the repository writes it
 * only if nobody changed the row since it was read ({@code revision}).
 *
 * @param callbackId the last part of the callback URL: random, unguessable, new for each hub and topic
 * @param hub the hub it was asked of
 * @param topic the feed's self URL, as the hub knows it
 * @param secret the {@code hub.secret} that signs every delivery (HMAC)
 * @param revision bumped by every transition
 * @param dueAt when the subscriber must act on it next: send the request, renew, or stop waiting for a verification
 * @param requestedAt when the last request was sent
 * @param verifiedAt when the hub last verified our intent
 * @param leaseUntil when the lease the hub granted ends; while it lasts, the hub pushes the source
 * @param lastDeliveryAt when the hub last delivered content that we accepted
 * @param failures requests refused, failed or not verified in a row
 * @param lastError what went wrong last, cleared by a verification
 */
public record WebSubSubscription(String sourceId, String callbackId, String hub, String topic, String secret,
		State state, long revision, @Nullable Instant dueAt, @Nullable Instant requestedAt,
		@Nullable Instant verifiedAt, @Nullable Instant leaseUntil, @Nullable Instant lastDeliveryAt, int failures,
		@Nullable String lastError) {

	/** Where a subscription is in its life. */
	public enum State {

		/** A subscription request is to be sent at {@code dueAt}. */
		REQUESTING,

		/** Sent; the hub has until {@code dueAt} to verify it. */
		PENDING,

		/** Verified: pushed until {@code leaseUntil}, renewed at {@code dueAt}. */
		ACTIVE,

		/** Active, and a renewal was sent; the hub has until {@code dueAt} to verify it. */
		RENEWING,

		/** An unsubscription request is to be sent at {@code dueAt}. */
		UNSUBSCRIBING,

		/** Unsubscription sent; forgotten once verified, or at {@code dueAt}. */
		UNSUBSCRIBED;

		/** Whether the hub may verify a subscription of ours in this state: we asked for one and still want it. */
		public boolean wantsSubscription() {
			return this == REQUESTING || this == PENDING || this == ACTIVE || this == RENEWING;
		}

	}

	/** A new subscription, to request at once. */
	public static WebSubSubscription requested(String sourceId, String callbackId, String hub, String topic,
			String secret, Instant now) {
		return new WebSubSubscription(sourceId, callbackId, hub, topic, secret, State.REQUESTING, 0, now, null, null,
				null, null, 0, null);
	}

	/** Whether the hub pushes this source at {@code now}: verified, and its lease not over. */
	public boolean pushing(Instant now) {
		return (this.state == State.ACTIVE || this.state == State.RENEWING) && this.leaseUntil != null
				&& this.leaseUntil.isAfter(now);
	}

	/** As the row is once this value has been written over it: one revision on. */
	public WebSubSubscription written() {
		return new WebSubSubscription(this.sourceId, this.callbackId, this.hub, this.topic, this.secret, this.state,
				this.revision + 1, this.dueAt, this.requestedAt, this.verifiedAt, this.leaseUntil, this.lastDeliveryAt,
				this.failures, this.lastError);
	}

	/**
	 * Another hub or topic, or the same again after an unsubscription: a new subscription in this row, with a new
	 * callback and secret, to request at once.
	 */
	public WebSubSubscription replacedBy(WebSubSubscription fresh) {
		return new WebSubSubscription(this.sourceId, fresh.callbackId, fresh.hub, fresh.topic, fresh.secret,
				State.REQUESTING, this.revision, fresh.dueAt, null, null, null, null, 0, null);
	}

	/** A request is on its way: the hub has until {@code deadline} to verify it. */
	public WebSubSubscription sent(State state, Instant now, Instant deadline) {
		return new WebSubSubscription(this.sourceId, this.callbackId, this.hub, this.topic, this.secret, state,
				this.revision, deadline, now, this.verifiedAt, this.leaseUntil, this.lastDeliveryAt, this.failures,
				this.lastError);
	}

	/** The hub verified our intent to subscribe: pushed until the lease ends, renewed at {@code renewAt}. */
	public WebSubSubscription verified(Instant now, Instant leaseUntil, Instant renewAt) {
		return new WebSubSubscription(this.sourceId, this.callbackId, this.hub, this.topic, this.secret,
				State.ACTIVE, this.revision, renewAt, this.requestedAt, now, leaseUntil, this.lastDeliveryAt, 0, null);
	}

	/**
	 * A request failed, was refused, or was not verified in time: tried again at {@code retryAt}, in {@code state}
	 * (still active while a lease runs; requesting again otherwise).
	 */
	public WebSubSubscription failed(State state, String error, Instant retryAt) {
		return new WebSubSubscription(this.sourceId, this.callbackId, this.hub, this.topic, this.secret, state,
				this.revision, retryAt, this.requestedAt, this.verifiedAt, this.leaseUntil, this.lastDeliveryAt,
				this.failures + 1, error);
	}

	/** The hub denied the subscription: no lease any more, asked again at {@code retryAt}. */
	public WebSubSubscription denied(String error, Instant retryAt) {
		return new WebSubSubscription(this.sourceId, this.callbackId, this.hub, this.topic, this.secret,
				State.REQUESTING, this.revision, retryAt, this.requestedAt, this.verifiedAt, null, this.lastDeliveryAt,
				this.failures + 1, error);
	}

	/** We no longer want it (the source left feeds.yml or its feed no longer announces the hub). */
	public WebSubSubscription unwanted(Instant now) {
		return new WebSubSubscription(this.sourceId, this.callbackId, this.hub, this.topic, this.secret,
				State.UNSUBSCRIBING, this.revision, now, this.requestedAt, this.verifiedAt, this.leaseUntil,
				this.lastDeliveryAt, 0, null);
	}

}
