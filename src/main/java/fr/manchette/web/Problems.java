package fr.manchette.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriUtils;

/**
 * The problem documents (RFC 9457) that every error of the service answers with: JSON with the status, its title and a
 * detail that says what to do, never a stack trace nor a server's own page.
 */
final class Problems {

	/** What a request that Tomcat refuses before mapping it did wrong, as far as one answer can say it. */
	static final String UNREADABLE_REQUEST = "the request cannot be read: its path must be percent-encoded UTF-8 "
			+ "without an encoded NUL, slash or backslash nor .. above the root, and its request line and headers "
			+ "well-formed HTTP/1.1 (with a Host) within 32 KB";

	private Problems() {
	}

	/** A problem with the status's own title, for the path asked for (if it can be said as a URI). */
	static ProblemDetail of(HttpStatusCode status, String detail, @Nullable String path) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		if (path != null) {
			problem.setInstance(instance(path));
		}
		return problem;
	}

	static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	/** The problem with one header more, that says how to go on (a 401's scheme, a 503's wait). */
	static ResponseEntity<ProblemDetail> answer(ProblemDetail problem, String header, String value) {
		return ResponseEntity.status(problem.getStatus())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.header(header, value)
			.body(problem);
	}

	/** What a status says when nothing more precise is known of it. */
	static String detail(int status) {
		return switch (status) {
			case 400 -> UNREADABLE_REQUEST;
			// Only CrossOriginReads refuses by itself: a preflight for what other sites' scripts may not do.
			case 403 -> "not open to other sites' scripts: only GET and HEAD of the feeds, the ticker, the sources, "
					+ "a story and the OPML are";
			case 404 -> "nothing at this path";
			case 405 -> "method not allowed on this path (see Allow)";
			case 500 -> "Internal error";
			default -> reason(status);
		};
	}

	/**
	 * The problem written out by hand, for Tomcat's own answers, which no message converter of Spring's writes: the
	 * fields of {@link #of} and in their order, without {@code instance} (the path is what could not be read).
	 */
	static String json(int status) {
		return "{\"detail\":\"" + detail(status) + "\",\"status\":" + status + ",\"title\":\"" + reason(status) + "\"}";
	}

	/**
	 * The path as the problem's {@code instance}: as asked for when it is a URI path; else leading slashes as one
	 * ({@code //} reads as the start of a host) and what is left encoded.
	 */
	static URI instance(String path) {
		try {
			return URI.create(path);
		}
		catch (IllegalArgumentException ex) {
			return URI.create(UriUtils.encodePath(path.replaceFirst("^/+", "/"), StandardCharsets.UTF_8));
		}
	}

	private static String reason(int status) {
		HttpStatus known = HttpStatus.resolve(status);
		return (known != null) ? known.getReasonPhrase() : "Error " + status;
	}

}
