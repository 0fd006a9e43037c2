package fr.manchette.web;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import fr.manchette.config.CurrentFeeds;
import fr.manchette.config.Source;
import fr.manchette.store.PollOutcome;
import fr.manchette.store.SourceStatus;
import fr.manchette.store.SourceStatusRepository;
import fr.manchette.store.StoreBackup;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's actions over HTTP, each behind {@link AdminToken}: {@code POST /admin/backup} and
 * {@code POST /admin/sources/{id}/poll}.
 */
@RestController
class AdminController {

	private final AdminToken token;

	private final StoreBackup backup;

	private final CurrentFeeds feeds;

	private final SourceStatusRepository statuses;

	private final Clock clock;

	AdminController(AdminToken token, StoreBackup backup, CurrentFeeds feeds, SourceStatusRepository statuses,
			Clock clock) {
		this.token = token;
		this.backup = backup;
		this.feeds = feeds;
		this.statuses = statuses;
		this.clock = clock;
	}

	/** Copies the H2 store while the service runs: 201 with where the copy is; 501 on PostgreSQL. */
	@PostMapping("/admin/backup")
	ResponseEntity<?> backup(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false)
			@Nullable String authorization) {
		this.token.check(authorization);
		Optional<StoreBackup.Copy> copy = this.backup.copy();
		if (copy.isEmpty()) {
			return Problems.answer(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_IMPLEMENTED,
					"the store is PostgreSQL: back it up with pg_dump"));
		}
		StoreBackup.Copy made = copy.get();
		return ResponseEntity.status(HttpStatus.CREATED)
			.contentType(MediaType.APPLICATION_JSON)
			.body(new BackupAnswer(made.file().toString(), made.bytes(), made.at(),
					made.removed().stream().map(Path::toString).toList()));
	}

	/**
	 * Brings a source's next poll forward to now (a feed fixed upstream, a source in its pause after failures): an
	 * instance's scheduler polls it at its next look for due sources, under the same lease as any poll, so that two
	 * instances never fetch it twice. 202; 404 for a source feeds.yml does not have, 409 for one that cannot be
	 * polled (disabled, or gone: its url must change).
	 */
	@PostMapping("/admin/sources/{id}/poll")
	ResponseEntity<?> pollNow(@PathVariable String id, @RequestHeader(name = HttpHeaders.AUTHORIZATION,
			required = false) @Nullable String authorization) {
		this.token.check(authorization);
		Source source = this.feeds.get().source(id).orElse(null);
		if (source == null) {
			return Problems.answer(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
					"no source " + id + " in feeds.yml"));
		}
		if (!source.enabled()) {
			return Problems.answer(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
					"source " + id + " is disabled in feeds.yml (enabled: false)"));
		}
		if (this.statuses.find(id).map(SourceStatus::lastOutcome).orElse(null) == PollOutcome.GONE) {
			return Problems.answer(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
					"source " + id + " is gone (HTTP 410): give it another url in feeds.yml"));
		}
		Instant now = this.clock.instant();
		this.statuses.pollBy(id, now);
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.contentType(MediaType.APPLICATION_JSON)
			.body(new PollAnswer(id, now));
	}

	record BackupAnswer(String file, long bytes, Instant at, List<String> removed) {
	}

	record PollAnswer(String source, Instant pollBy) {
	}

}
