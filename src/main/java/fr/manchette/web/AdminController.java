package fr.manchette.web;

import java.time.Instant;
import java.util.Optional;

import fr.manchette.store.StoreBackup;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** The operator's actions over HTTP, each behind {@link AdminToken}: {@code POST /admin/backup}. */
@RestController
class AdminController {

	private final AdminToken token;

	private final StoreBackup backup;

	AdminController(AdminToken token, StoreBackup backup) {
		this.token = token;
		this.backup = backup;
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
			.body(new BackupAnswer(made.file().toString(), made.bytes(), made.at()));
	}

	record BackupAnswer(String file, long bytes, Instant at) {
	}

}
