package dev.faultline.e2e;

import io.sentry.Sentry;
import io.sentry.SentryLevel;
import io.sentry.protocol.User;

/**
 * The official {@code io.sentry:sentry} SDK initialized for one release and environment,
 * with tags and a user set on its scope as an application sets them. Closing flushes what
 * was captured and closes the SDK, so the next session may use another DSN or release.
 * One session at a time: the SDK is a static singleton.
 */
final class JavaSdkSession implements AutoCloseable {

	private JavaSdkSession() {
	}

	static JavaSdkSession start(String dsn, String release, String environment) {
		Sentry.init((options) -> {
			options.setDsn(dsn);
			options.setRelease(release);
			options.setEnvironment(environment);
			options.addInAppInclude("dev.faultline.e2e");
			options.setEnableUncaughtExceptionHandler(false);
			options.setMaxQueueSize(100);
		});
		return new JavaSdkSession();
	}

	JavaSdkSession tag(String key, String value) {
		Sentry.setTag(key, value);
		return this;
	}

	JavaSdkSession user(String id, String email) {
		User user = new User();
		user.setId(id);
		user.setEmail(email);
		Sentry.setUser(user);
		return this;
	}

	/**
	 * Captures an error-level message; messages with the same text are grouped into one
	 * issue. Returns the event id as the Web API spells it.
	 */
	String error(String message) {
		return capture(message, SentryLevel.ERROR);
	}

	String capture(String message, SentryLevel level) {
		return Sentry.captureMessage(message, level).toString();
	}

	@Override
	public void close() {
		try {
			Sentry.flush(20_000);
		}
		finally {
			Sentry.close();
		}
	}

}
