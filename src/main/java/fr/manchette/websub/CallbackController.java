package fr.manchette.websub;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.regex.Pattern;

import fr.manchette.config.CurrentFeeds;
import fr.manchette.config.Source;
import fr.manchette.config.SourceType;
import fr.manchette.fetch.GzipBody;
import fr.manchette.pipeline.IngestRun;
import fr.manchette.pipeline.PollReport;
import fr.manchette.store.PollOutcome;
import fr.manchette.store.StoreOutage;
import fr.manchette.store.WebSubSubscription;
import fr.manchette.store.WebSubSubscriptions;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The callbacks that hubs call: public by nature, so nothing here trusts the caller. A GET is a verification of
 * intent, answered only for a subscription we asked for, with its topic and mode (else 404). A POST is a delivery:
 * stored only if its {@code X-Hub-Signature} is the HMAC of the body under the subscription's secret, within
 * {@code poll.max-size} (else 413), and then down the pipeline's road like a poll's content. A forged one is
 * acknowledged as a good one is, and ignored (section 7.1.2): the answer tells a forger nothing to go on. A callback
 * we do not know, or no longer want, answers 410, which tells a hub to drop it (section 7). A delivery the store
 * could not take answers 503, which has the hub send it again. Without {@code manchette.public-url} no hub was given a
 * callback here: every one answers 404, as an unknown path does.
 */
@RestController
class CallbackController {

	private static final Logger log = LoggerFactory.getLogger(CallbackController.class);

	/** The shape of our callback ids: anything else is not looked up. */
	private static final Pattern CALLBACK_ID = Pattern.compile("[A-Za-z0-9_-]{43}");

	/** Null without a public URL (see {@link WebSubConfiguration}). */
	private final @Nullable IntentVerifier verifier;

	private final WebSubSubscriptions subscriptions;

	private final CurrentFeeds feeds;

	private final IngestRun ingestRun;

	private final Clock clock;

	CallbackController(ObjectProvider<IntentVerifier> verifier, WebSubSubscriptions subscriptions, CurrentFeeds feeds,
			IngestRun ingestRun, Clock clock) {
		this.verifier = verifier.getIfAvailable();
		this.subscriptions = subscriptions;
		this.feeds = feeds;
		this.ingestRun = ingestRun;
		this.clock = clock;
	}

	@GetMapping("/" + Subscriber.CALLBACK_PATH + "{id}")
	ResponseEntity<String> verify(@PathVariable String id, @RequestParam(name = "hub.mode", required = false) @Nullable String mode,
			@RequestParam(name = "hub.topic", required = false) @Nullable String topic,
			@RequestParam(name = "hub.challenge", required = false) @Nullable String challenge,
			@RequestParam(name = "hub.lease_seconds", required = false) @Nullable String leaseSeconds,
			@RequestParam(name = "hub.reason", required = false) @Nullable String reason) {
		if (this.verifier == null || !CALLBACK_ID.matcher(id).matches()) {
			return ResponseEntity.notFound().build();
		}
		return this.verifier.verify(id, mode, topic, challenge, leaseSeconds, reason)
			// The challenge as plain text, never sniffed as anything else: it is the caller's string.
			.map((answer) -> ResponseEntity.ok()
				.contentType(MediaType.TEXT_PLAIN)
				.header("X-Content-Type-Options", "nosniff")
				.body(answer))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

	@PostMapping("/" + Subscriber.CALLBACK_PATH + "{id}")
	ResponseEntity<Void> deliver(@PathVariable String id,
			@RequestHeader(name = "X-Hub-Signature", required = false) @Nullable String signature,
			HttpServletRequest request) throws IOException {
		if (this.verifier == null) {
			return ResponseEntity.notFound().build();
		}
		WebSubSubscription subscription = CALLBACK_ID.matcher(id).matches()
				? this.subscriptions.findByCallback(id).orElse(null) : null;
		Source source = (subscription != null) ? this.feeds.get().source(subscription.sourceId()).orElse(null) : null;
		if (subscription == null || source == null || !source.enabled() || source.type() != SourceType.FEED
				|| !subscription.state().wantsSubscription()) {
			return ResponseEntity.status(HttpStatus.GONE).build();
		}
		long max = this.ingestRun.largestBody(this.feeds.get().poll().maxSize().toBytes());
		byte[] body = read(request, max);
		if (body == null) {
			log.warn("WebSub delivery refused source={} kind=TOO_LARGE detail=over {} bytes", source.id(), max);
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).build();
		}
		// A hub signs the body it sends (section 8); one that gzips it may have signed it before: either is the hub's.
		byte[] content;
		try {
			content = GzipBody.plain(body, max);
		}
		catch (IOException ex) {
			log.warn("WebSub delivery refused source={} kind=PARSE_ERROR detail=broken gzip: {}", source.id(),
					ex.getMessage());
			return ResponseEntity.noContent().build();
		}
		if (content == null) {
			log.warn("WebSub delivery refused source={} kind=TOO_LARGE detail=over {} bytes once inflated", source.id(),
					max);
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).build();
		}
		if (!HubSignature.valid(signature, body, subscription.secret())
				&& (content == body || !HubSignature.valid(signature, content, subscription.secret()))) {
			log.warn("WebSub delivery refused source={} kind=BAD_SIGNATURE detail={}", source.id(),
					(signature == null) ? "no X-Hub-Signature" : "X-Hub-Signature does not match");
			// The same answer as a delivery taken: which signatures fail is no oracle, and a hub has no cause to resend.
			return ResponseEntity.noContent().build();
		}
		PollReport report = this.ingestRun.deliver(source, content, request.getContentType());
		if (report.outcome() == PollOutcome.INTERRUPTED) {
			// Read, but the store could not take it (the database away, a table locked): a status other than 2xx has
			// the hub send it again (section 7), rather than leave its content to the next poll.
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header(HttpHeaders.RETRY_AFTER, StoreOutage.RETRY_AFTER)
				.build();
		}
		if (report.outcome() == PollOutcome.OK) {
			this.subscriptions.delivered(source.id(), this.clock.instant());
		}
		// Received: what the content was worth is ours to judge, and a hub would only send it again (section 7).
		return ResponseEntity.noContent().build();
	}

	/** The body, or null when it is longer than {@code max}: read no further than one byte past it. */
	private static byte @Nullable [] read(HttpServletRequest request, long max) throws IOException {
		if (request.getContentLengthLong() > max) {
			return null;
		}
		try (InputStream in = request.getInputStream()) {
			byte[] body = in.readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE - 8));
			return (body.length > max) ? null : body;
		}
	}

}
