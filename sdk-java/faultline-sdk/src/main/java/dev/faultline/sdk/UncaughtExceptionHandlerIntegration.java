package dev.faultline.sdk;

/**
 * Captures exceptions that end a thread as fatal, unhandled events, flushes them (the
 * process may be about to exit), then hands the exception to the previous handler.
 */
final class UncaughtExceptionHandlerIntegration implements Thread.UncaughtExceptionHandler {

	private final FaultlineClient client;

	private final Thread.UncaughtExceptionHandler previous;

	private UncaughtExceptionHandlerIntegration(FaultlineClient client, Thread.UncaughtExceptionHandler previous) {
		this.client = client;
		this.previous = previous;
	}

	static UncaughtExceptionHandlerIntegration install(FaultlineClient client) {
		UncaughtExceptionHandlerIntegration handler = new UncaughtExceptionHandlerIntegration(client,
				Thread.getDefaultUncaughtExceptionHandler());
		Thread.setDefaultUncaughtExceptionHandler(handler);
		return handler;
	}

	/** Restores the previous handler if this one is still installed. */
	void uninstall() {
		if (Thread.getDefaultUncaughtExceptionHandler() == this) {
			Thread.setDefaultUncaughtExceptionHandler(this.previous);
		}
	}

	@Override
	public void uncaughtException(Thread thread, Throwable throwable) {
		Event event = Event.ofThrowable(throwable)
			.setLevel(Level.FATAL)
			.setMechanism(new Event.Mechanism("UncaughtExceptionHandler", false));
		this.client.captureEvent(event);
		this.client.flush(this.client.options().getShutdownTimeout());
		if (this.previous != null) {
			this.previous.uncaughtException(thread, throwable);
		}
		else if (!(throwable instanceof ThreadDeath)) {
			System.err.print("Exception in thread \"" + thread.getName() + "\" ");
			throwable.printStackTrace(System.err);
		}
	}

}
