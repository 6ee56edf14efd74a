package dev.faultline.e2e;

import java.io.IOException;
import java.util.List;

import io.sentry.Breadcrumb;
import io.sentry.Sentry;
import io.sentry.SentryEvent;
import io.sentry.SentryLevel;
import io.sentry.protocol.Message;
import io.sentry.protocol.User;

/**
 * The acceptance scenario, sent by the official {@code io.sentry:sentry} SDK: one chained
 * exception twice, a message with parameters, and twenty errors thrown from one line with
 * different numbers in their messages. Breadcrumbs and a user ride along.
 */
final class JavaSdkScenario {

	static final int EVENTS = 23;

	private JavaSdkScenario() {
	}

	static void send(String dsn) {
		Sentry.init((options) -> {
			options.setDsn(dsn);
			options.setRelease("e2e@1.0.0");
			options.setEnvironment("e2e");
			options.addInAppInclude("dev.faultline.e2e");
			options.setEnableUncaughtExceptionHandler(false);
			options.setMaxQueueSize(100);
		});
		try {
			User user = new User();
			user.setId("user-42");
			user.setEmail("alice@example.com");
			Sentry.setUser(user);
			Sentry.setTag("feature", "checkout");
			Sentry.addBreadcrumb(Breadcrumb.userInteraction("click", "pay-now", null));
			Sentry.addBreadcrumb("Clicked checkout", "ui.click");
			for (int attempt = 0; attempt < 2; attempt++) {
				try {
					checkout("ord-1234");
				}
				catch (IllegalStateException ex) {
					Sentry.captureException(ex);
				}
			}
			Sentry.captureEvent(parameterizedMessage());
			for (int number = 1; number <= 20; number++) {
				try {
					rejectOrderNumber(1000 + number * 7);
				}
				catch (IllegalArgumentException ex) {
					Sentry.captureException(ex);
				}
			}
			Sentry.flush(20_000);
		}
		finally {
			Sentry.close();
		}
	}

	private static SentryEvent parameterizedMessage() {
		Message message = new Message();
		message.setMessage("Cart %s holds %s items");
		message.setParams(List.of("cart-77", "3"));
		message.setFormatted("Cart cart-77 holds 3 items");
		SentryEvent event = new SentryEvent();
		event.setMessage(message);
		event.setLevel(SentryLevel.WARNING);
		return event;
	}

	private static void checkout(String order) {
		try {
			chargeCard(order);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Checkout failed for order " + order, ex);
		}
	}

	private static void chargeCard(String order) throws IOException {
		throw new IOException("Connection reset by peer while charging " + order);
	}

	private static void rejectOrderNumber(int number) {
		throw new IllegalArgumentException("Order " + number + " exceeds the credit limit");
	}

}
