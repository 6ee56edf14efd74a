package dev.faultline.sdk.servlet;

import java.io.IOException;

import dev.faultline.sdk.Event;
import dev.faultline.sdk.Faultline;
import dev.faultline.sdk.FaultlineClient;
import dev.faultline.sdk.TraceParent;
import dev.faultline.sdk.Transaction;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Starts one transaction per HTTP request ({@code GET /path}, op {@code http.server}),
 * continuing the caller's trace from its {@code sentry-trace} and {@code baggage} headers
 * so the caller's sampling decision holds. While the request runs, the transaction is the
 * span of a request-local scope, so errors captured during the request carry its trace;
 * an exception escaping the chain is captured as unhandled and rethrown. The transaction
 * ends when the chain returns (asynchronous requests end it at dispatch return).
 * Thread-safe.
 */
public final class FaultlineTracingFilter implements Filter {

	private final FaultlineClient client;

	/**
	 * A filter for the process-wide client of {@link Faultline}, looked up per request.
	 */
	public FaultlineTracingFilter() {
		this(null);
	}

	/**
	 * A filter for the given client.
	 * @param client the client, or null for the process-wide one
	 */
	public FaultlineTracingFilter(FaultlineClient client) {
		this.client = client;
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse httpResponse)) {
			chain.doFilter(request, response);
			return;
		}
		FaultlineClient target = (this.client != null) ? this.client : Faultline.client();
		Transaction transaction = target.continueTrace(http.getMethod() + " " + http.getRequestURI(), "http.server",
				TraceParent.fromHeaders(http.getHeader("sentry-trace"), http.getHeader("baggage")));
		transaction.setData("http.request.method", http.getMethod());
		Throwable[] failure = new Throwable[1];
		target.withScope((scope) -> {
			scope.setSpan(transaction);
			try {
				chain.doFilter(request, response);
			}
			catch (IOException | ServletException | RuntimeException | Error ex) {
				failure[0] = ex;
				target.captureEvent(Event.ofThrowable(ex).setMechanism(new Event.Mechanism("servlet", false)));
			}
		});
		int status = (failure[0] != null) ? 500 : httpResponse.getStatus();
		transaction.setData("http.response.status_code", status);
		transaction.setStatus(spanStatus(status));
		transaction.finish();
		rethrow(failure[0]);
	}

	/** The span status of an HTTP status, as Sentry maps them. */
	static String spanStatus(int status) {
		if (status < 400) {
			return "ok";
		}
		return switch (status) {
			case 400 -> "invalid_argument";
			case 401 -> "unauthenticated";
			case 403 -> "permission_denied";
			case 404 -> "not_found";
			case 409 -> "already_exists";
			case 429 -> "resource_exhausted";
			case 499 -> "cancelled";
			case 501 -> "unimplemented";
			case 503 -> "unavailable";
			case 504 -> "deadline_exceeded";
			default -> (status >= 500) ? "internal_error" : "invalid_argument";
		};
	}

	private static void rethrow(Throwable failure) throws IOException, ServletException {
		if (failure == null) {
			return;
		}
		if (failure instanceof IOException io) {
			throw io;
		}
		if (failure instanceof ServletException servlet) {
			throw servlet;
		}
		if (failure instanceof RuntimeException runtime) {
			throw runtime;
		}
		throw (Error) failure;
	}

}
