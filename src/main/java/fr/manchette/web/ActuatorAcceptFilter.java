package fr.manchette.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets {@code /actuator/health} and {@code /actuator/prometheus} answer their own type whatever {@code Accept} names,
 * as every other path does: Spring Boot's actuator maps its operations by the types they produce, and answered a
 * {@code 406} to a monitor asking for {@code text/html}. The client's {@code Accept} is kept, followed by any type at
 * the lowest weight: a type the path has and the client names still wins (Prometheus' OpenMetrics, asked for by name),
 * and anything else gets the path's own (JSON, Prometheus' text).
 */
final class ActuatorAcceptFilter extends OncePerRequestFilter {

	private static final String ANY_TYPE_LAST = "*/*;q=0.001";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		List<String> accept = Collections.list(request.getHeaders(HttpHeaders.ACCEPT));
		chain.doFilter(accept.isEmpty() ? request : new AnyTypeLast(request, accept), response);
	}

	private static final class AnyTypeLast extends HttpServletRequestWrapper {

		private final String accept;

		AnyTypeLast(HttpServletRequest request, List<String> accept) {
			super(request);
			List<String> values = new ArrayList<>(accept);
			values.add(ANY_TYPE_LAST);
			this.accept = String.join(", ", values);
		}

		@Override
		public @Nullable String getHeader(String name) {
			return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? this.accept : super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? Collections.enumeration(List.of(this.accept))
					: super.getHeaders(name);
		}

	}

}
