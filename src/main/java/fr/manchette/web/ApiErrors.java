package fr.manchette.web;

import java.util.LinkedHashSet;
import java.util.Set;

import fr.manchette.store.StoreOutage;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Errors as RFC 9457 problem documents in JSON, never a stack trace: a bad parameter is a 400 that names it, an
 * unknown path a 404, and our own bug a 500 that says no more than that. What Spring MVC's handlers never see is
 * answered alike: errors raised outside them by {@link ErrorPath}, requests that Tomcat refuses by
 * {@link ProblemReportValve}.
 */
@RestControllerAdvice
class ApiErrors extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

	private final StoreOutage outage;

	ApiErrors(StoreOutage outage) {
		this.outage = outage;
	}

	@ExceptionHandler(BadQueryException.class)
	ResponseEntity<ProblemDetail> badQuery(BadQueryException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Bad query parameter");
		problem.setProperty("parameter", ex.parameter());
		return Problems.answer(problem);
	}

	/**
	 * A query string Tomcat cannot read into parameters when they are first read: not percent-encoded UTF-8
	 * ({@code q=%}, {@code q=%zz}), a value without a name ({@code =x}), or more parameters than its limit. Its
	 * message says which, but as a line for its own log ("… ignored").
	 */
	@ExceptionHandler(InvalidParameterException.class)
	ResponseEntity<ProblemDetail> badlyEncodedQuery(InvalidParameterException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"the query string cannot be read: it must be name=value pairs, at most 1000, percent-encoded UTF-8 "
						+ "(a % must be followed by two hexadecimal digits)");
		problem.setTitle("Bad query parameter");
		return Problems.answer(problem);
	}

	@ExceptionHandler(UnknownStoryException.class)
	ResponseEntity<ProblemDetail> unknownStory(UnknownStoryException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setTitle("Unknown story");
		return Problems.answer(problem);
	}

	@ExceptionHandler(PreconditionFailedException.class)
	ResponseEntity<ProblemDetail> preconditionFailed(PreconditionFailedException ex) {
		return Problems.answer(ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED, ex.getMessage()));
	}

	/** A 401 says how to authenticate (RFC 9110): with a bearer token. */
	@ExceptionHandler(AdminRefusedException.class)
	ResponseEntity<ProblemDetail> adminRefused(AdminRefusedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(ex.status(), ex.getMessage());
		problem.setTitle("Admin action refused");
		if (ex.status() != HttpStatus.UNAUTHORIZED) {
			return Problems.answer(problem);
		}
		return Problems.answer(problem, HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"manchette\"");
	}

	@ExceptionHandler(RuntimeException.class)
	ResponseEntity<ProblemDetail> unexpected(RuntimeException ex) {
		if (this.outage.said("answering requests", ex)) {
			return storeUnavailable();
		}
		log.error("Request failed", ex);
		return Problems.answer(ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error"));
	}

	/**
	 * What had to be read from the store could not be (the database away, or a table locked past the lock timeout):
	 * not our bug but a 503 that says when to come back, logged as the workers log an outage, without a stack trace.
	 * What was published before is still served from memory.
	 */
	private static ResponseEntity<ProblemDetail> storeUnavailable() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"the store cannot be read now (its database is away or busy): try again later; the merged feeds and "
						+ "the ticker are served as last published");
		problem.setTitle("Store unavailable");
		return Problems.answer(problem, HttpHeaders.RETRY_AFTER, StoreOutage.RETRY_AFTER);
	}

	/**
	 * A method the path does not take: {@code Allow} says every method it does, as its {@code OPTIONS} answer does,
	 * {@code HEAD} with {@code GET} and {@code OPTIONS} itself, where Spring lists only the methods mapped.
	 */
	@Override
	protected @Nullable ResponseEntity<Object> handleHttpRequestMethodNotSupported(
			HttpRequestMethodNotSupportedException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Set<HttpMethod> allowed = new LinkedHashSet<>(ex.getSupportedHttpMethods());
		if (allowed.contains(HttpMethod.GET)) {
			allowed.add(HttpMethod.HEAD);
		}
		allowed.add(HttpMethod.OPTIONS);
		HttpHeaders allow = HttpHeaders.copyOf(headers);
		allow.setAllow(allowed);
		return super.handleHttpRequestMethodNotSupported(ex, allow, status, request);
	}

	/** A path that names nothing: said in our words, not as a static resource that Spring could not find. */
	@Override
	protected @Nullable ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ex.getBody().setDetail(Problems.detail(HttpStatus.NOT_FOUND.value()));
		return super.handleNoResourceFoundException(ex, headers, status, request);
	}

	/**
	 * Spring's answers to its own exceptions (an unknown path among them), with the problem's {@code instance} set
	 * here: Spring sets it from the path as asked, and fails on one that is no URI path ({@code //}, which reads as
	 * the start of a host), logging its failure with a trace at any client's call and answering with an HTML page.
	 */
	@Override
	protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ResponseEntity<Object> answer = super.handleExceptionInternal(ex, body, headers, status, request);
		if (answer != null && answer.getBody() instanceof ProblemDetail problem && problem.getInstance() == null
				&& request instanceof ServletWebRequest servlet) {
			problem.setInstance(Problems.instance(servlet.getRequest().getRequestURI()));
		}
		return answer;
	}

}
