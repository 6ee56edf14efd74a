package dev.faultline.sdk;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * The process-wide SDK entry point:
 *
 * <pre>{@code
 * Faultline.init(new FaultlineOptions().setDsn("http://key@localhost:8080/1").setRelease("app@1.0"));
 * try { work(); } catch (Exception ex) { Faultline.captureException(ex); }
 * }</pre>
 *
 * Until {@link #init} is called every method works and sends nothing. Thread-safe.
 */
public final class Faultline {

	private static volatile FaultlineClient client = new FaultlineClient(new FaultlineOptions());

	private static UncaughtExceptionHandlerIntegration uncaughtHandler;

	private static boolean shutdownHookInstalled;

	private Faultline() {
	}

	/**
	 * Initializes the SDK, closing a previous instance, and installs the
	 * uncaught-exception handler unless disabled.
	 * @param options the options
	 * @return the new client
	 * @throws IllegalArgumentException when the DSN is malformed
	 */
	public static synchronized FaultlineClient init(FaultlineOptions options) {
		FaultlineClient previous = client;
		FaultlineClient created = new FaultlineClient(options);
		client = created;
		previous.close();
		if (uncaughtHandler != null) {
			uncaughtHandler.uninstall();
			uncaughtHandler = null;
		}
		if (options.isUncaughtExceptionHandler() && created.isEnabled()) {
			uncaughtHandler = UncaughtExceptionHandlerIntegration.install(created);
		}
		if (!shutdownHookInstalled && created.isEnabled()) {
			// The sender thread is a daemon: without this, events still queued at exit
			// would be lost instead of sent or cached.
			Runtime.getRuntime().addShutdownHook(new Thread(() -> client.close(), "faultline-shutdown"));
			shutdownHookInstalled = true;
		}
		return created;
	}

	/** Initializes the SDK from options filled by the callback. */
	public static FaultlineClient init(Consumer<FaultlineOptions> configuration) {
		FaultlineOptions options = new FaultlineOptions();
		configuration.accept(options);
		return init(options);
	}

	/** The current client. */
	public static FaultlineClient client() {
		return client;
	}

	public static boolean isEnabled() {
		return client.isEnabled();
	}

	/** Captures an exception; returns the event id. */
	public static String captureException(Throwable throwable) {
		return client.captureException(throwable);
	}

	/** Captures a message at level info; returns the event id. */
	public static String captureMessage(String message) {
		return client.captureMessage(message);
	}

	public static String captureMessage(String message, Level level) {
		return client.captureMessage(message, level);
	}

	public static String captureEvent(Event event) {
		return client.captureEvent(event);
	}

	/**
	 * Changes the current scope (global, or the one of an enclosing {@link #withScope}).
	 */
	public static void configureScope(Consumer<Scope> callback) {
		client.configureScope(callback);
	}

	/** Runs the callback with a temporary copy of the current scope. */
	public static void withScope(Consumer<Scope> callback) {
		client.withScope(callback);
	}

	public static void addBreadcrumb(Breadcrumb breadcrumb) {
		client.addBreadcrumb(breadcrumb);
	}

	public static void addBreadcrumb(String message) {
		client.addBreadcrumb(Breadcrumb.of(null, message));
	}

	public static void setTag(String key, String value) {
		client.configureScope((scope) -> scope.setTag(key, value));
	}

	public static void setUser(User user) {
		client.configureScope((scope) -> scope.setUser(user));
	}

	public static Transaction startTransaction(String name, String op) {
		return client.startTransaction(name, op);
	}

	/**
	 * Continues the trace of an incoming request.
	 * @param sentryTrace the {@code sentry-trace} header, nullable
	 * @param baggage the {@code baggage} header, nullable
	 */
	public static Transaction continueTrace(String name, String op, String sentryTrace, String baggage) {
		return client.continueTrace(name, op, TraceParent.fromHeaders(sentryTrace, baggage));
	}

	/** Waits for queued events; returns whether all were handled in time. */
	public static boolean flush(Duration timeout) {
		return client.flush(timeout);
	}

	/** Flushes and disables the SDK. */
	public static synchronized void close() {
		FaultlineClient previous = client;
		client = new FaultlineClient(new FaultlineOptions());
		if (uncaughtHandler != null) {
			uncaughtHandler.uninstall();
			uncaughtHandler = null;
		}
		previous.close();
	}

}
