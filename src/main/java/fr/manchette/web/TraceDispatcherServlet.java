package fr.manchette.web;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Spring MVC's servlet, taking {@code TRACE} as any other method a path does not take: to the handler mappings, which
 * answer a {@code 405} with the methods the path takes in {@code Allow}, or a {@code 404} for a path that names
 * nothing. Left to Tomcat, a {@code TRACE} was refused before any mapping with {@code Allow} listing what the servlet
 * class implements ({@code DELETE}, {@code POST}, {@code PUT}…) on every path; left to Spring's own servlet with
 * {@code spring.mvc.dispatch-trace-request}, it is echoed back after that answer (the request's headers, cookies
 * included, in the body) unless a handler answered it.
 */
class TraceDispatcherServlet extends DispatcherServlet {

	@Override
	protected void doTrace(HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		processRequest(request, response);
	}

}
