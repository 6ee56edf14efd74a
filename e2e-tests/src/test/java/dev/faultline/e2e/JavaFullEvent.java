package dev.faultline.e2e;

import java.util.LinkedHashMap;
import java.util.Map;

import io.sentry.Breadcrumb;
import io.sentry.Sentry;
import io.sentry.SentryEvent;
import io.sentry.SentryLevel;
import io.sentry.exception.ExceptionMechanismException;
import io.sentry.protocol.Mechanism;
import io.sentry.protocol.Request;
import io.sentry.protocol.User;

/**
 * One crash sent by the official {@code io.sentry:sentry} SDK carrying what the issue
 * page shows in full: an unhandled mechanism, threads, a request, extra data (with a
 * password the server scrubs, so {@code _meta} says so), a user, tags, the SDK's contexts
 * and breadcrumbs of every type (http, navigation, query, console). The title carries
 * {@link #MARKER}.
 */
final class JavaFullEvent {

	static final String MARKER = "JavaJourneyCrash";

	private JavaFullEvent() {
	}

	static void send(String dsn) {
		Sentry.init((options) -> {
			options.setDsn(dsn);
			options.setRelease("journey-java@2.0.0");
			options.setEnvironment("production");
			options.setServerName("java-host-1");
			options.setAttachThreads(true);
			options.setSendDefaultPii(true);
			options.addInAppInclude("dev.faultline.e2e");
			options.setEnableUncaughtExceptionHandler(false);
		});
		try {
			User user = new User();
			user.setId("java-user-1");
			user.setEmail("jane@example.com");
			Sentry.setUser(user);
			Sentry.setTag("journey", "event-in-full");
			Sentry.setExtra("order", "ord-9001");
			Sentry.setExtra("password", "hunter2");
			Sentry.addBreadcrumb(Breadcrumb.http("https://payments.example.com/charge", "POST", 502));
			Sentry.addBreadcrumb(Breadcrumb.navigation("/cart", "/checkout"));
			Breadcrumb query = Breadcrumb.query("SELECT id, total FROM orders WHERE id = ?");
			query.setCategory("db.sql.query");
			Sentry.addBreadcrumb(query);
			Breadcrumb console = new Breadcrumb("Stock running low for sku-42");
			console.setCategory("console");
			console.setLevel(SentryLevel.WARNING);
			Sentry.addBreadcrumb(console);
			SentryEvent event = new SentryEvent(crash());
			event.setRequest(request());
			Sentry.captureEvent(event);
			Sentry.flush(20_000);
		}
		finally {
			Sentry.close();
		}
	}

	private static Throwable crash() {
		Mechanism mechanism = new Mechanism();
		mechanism.setType("UncaughtExceptionHandler");
		mechanism.setHandled(false);
		try {
			settle("ord-9001");
			throw new AssertionError("settle returns only by throwing");
		}
		catch (IllegalStateException ex) {
			return new ExceptionMechanismException(mechanism, ex, Thread.currentThread());
		}
	}

	private static void settle(String order) {
		throw new IllegalStateException(MARKER + ": ledger closed for " + order);
	}

	private static Request request() {
		Request request = new Request();
		request.setMethod("POST");
		request.setUrl("https://shop.example.com/api/orders");
		request.setQueryString("expand=items&page=2");
		request.setCookies("session=abc123; theme=dark");
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Content-Type", "application/json");
		headers.put("X-Request-Id", "req-5150");
		request.setHeaders(headers);
		request.setData(Map.of("sku", "sku-42", "quantity", 3));
		request.setEnvs(Map.of("REMOTE_ADDR", "198.51.100.7"));
		return request;
	}

}
