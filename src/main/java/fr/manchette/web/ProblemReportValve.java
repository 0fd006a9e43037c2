package fr.manchette.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.jspecify.annotations.Nullable;

/**
 * Tomcat's own error answers as the problem documents every other error of the service is, in place of its HTML page.
 * Tomcat answers by itself what it refuses before any servlet sees it: a path it will not map (an encoded NUL, slash
 * or backslash, {@code ..} above the root, bytes that are not UTF-8), a request line it cannot read (a raw space,
 * {@code {} or {@code |}, longer than its limit). The host's error report valve writes that answer; this one writes
 * it in JSON. Errors inside the application go to {@link ErrorPath} instead, which Spring writes with the others.
 */
class ProblemReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, @Nullable Throwable throwable) {
		int status = response.getStatus();
		// As Tomcat's own report: not for a success, nor for an answer that has a body already, nor twice.
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(false);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		try {
			response.setContentType("application/problem+json");
			response.setCharacterEncoding("UTF-8");
			PrintWriter writer = response.getReporter();
			if (writer != null) {
				writer.write(Problems.json(status));
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The client has gone, or the answer had begun after all: there is nothing more to tell it.
		}
	}

}
