package fr.manchette.web;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Spring MVC's servlet, saying truly which methods a path takes.
 * <p>
 * It takes {@code TRACE} as any other method a path does not take: to the handler mappings, which answer a
 * {@code 405} with the methods the path takes in {@code Allow}, or a {@code 404} for a path that names nothing. Left to
 * Tomcat, a {@code TRACE} was refused before any mapping with {@code Allow} listing what the servlet class implements
 * ({@code DELETE}, {@code POST}, {@code PUT}…) on every path; left to Spring's own servlet with
 * {@code spring.mvc.dispatch-trace-request}, it is echoed back after that answer (the request's headers, cookies
 * included, in the body) unless a handler answered it.
 * <p>
 * Its {@code OPTIONS} answers carry no empty {@code Accept-Patch}: Spring's adds one to every path that takes no
 * {@code PATCH}, and that header, whatever its value, says that the path takes {@code PATCH} (RFC 5789 §3.1).
 */
class MethodsDispatcherServlet extends DispatcherServlet {

	@Override
	protected void doTrace(HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		processRequest(request, response);
	}

	@Override
	protected void doOptions(HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		super.doOptions(request, new HttpServletResponseWrapper(response) {

			@Override
			public void setHeader(String name, String value) {
				if (!emptyAcceptPatch(name, value)) {
					super.setHeader(name, value);
				}
			}

			@Override
			public void addHeader(String name, String value) {
				if (!emptyAcceptPatch(name, value)) {
					super.addHeader(name, value);
				}
			}

		});
	}

	private static boolean emptyAcceptPatch(String name, @Nullable String value) {
		return HttpHeaders.ACCEPT_PATCH.equalsIgnoreCase(name) && (value == null || value.isBlank());
	}

}
