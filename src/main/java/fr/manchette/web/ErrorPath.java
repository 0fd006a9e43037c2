package fr.manchette.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /error}, where Tomcat sends an error raised in the application outside Spring MVC's handlers (a servlet's or
 * a filter's {@code sendError}), answered as a problem document like every
 * other error. Asked for itself, it names nothing: a 404. In place of Spring Boot's error controller, whose JSON is no
 * problem document, and whose status, asked for directly, is 999.
 */
@RestController
class ErrorPath implements ErrorController {

	@RequestMapping("/error")
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		if (request.getDispatcherType() != DispatcherType.ERROR
				|| !(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer status)) {
			return Problems.answer(Problems.of(HttpStatusCode.valueOf(404), Problems.detail(404),
					request.getRequestURI()));
		}
		String path = (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri) ? uri : null;
		return Problems.answer(Problems.of(HttpStatusCode.valueOf(status), Problems.detail(status), path));
	}

}
