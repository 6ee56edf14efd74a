package dev.faultline.sdk.jul;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;

import dev.faultline.sdk.Breadcrumb;
import dev.faultline.sdk.Event;
import dev.faultline.sdk.Faultline;
import dev.faultline.sdk.FaultlineClient;

/**
 * Sends {@code java.util.logging} records to Faultline: records at or above the event
 * level ({@code SEVERE} by default) become events (with their exception), records at or
 * above the breadcrumb level ({@code INFO} by default) breadcrumbs of later events.
 * Records of the SDK itself and of the JDK HTTP client it uses are ignored so that
 * reporting never feeds itself. Thread-safe.
 *
 * <p>
 * Install with {@code Logger.getLogger("").addHandler(new FaultlineHandler())} or in
 * {@code logging.properties} ({@code handlers = dev.faultline.sdk.jul.FaultlineHandler}).
 */
public final class FaultlineHandler extends Handler {

	private static final List<String> IGNORED_LOGGERS = List.of("dev.faultline.sdk", "jdk.internal.httpclient",
			"java.net.http");

	private final FaultlineClient client;

	private final Formatter messageFormatter = new SimpleFormatter();

	private final ThreadLocal<Boolean> publishing = new ThreadLocal<>();

	private volatile Level minimumEventLevel = Level.SEVERE;

	private volatile Level minimumBreadcrumbLevel = Level.INFO;

	/**
	 * A handler for the process-wide client of {@link Faultline}, looked up per record.
	 */
	public FaultlineHandler() {
		this(null);
	}

	/**
	 * A handler for the given client.
	 * @param client the client, or null for the process-wide one
	 */
	public FaultlineHandler(FaultlineClient client) {
		this.client = client;
	}

	public void setMinimumEventLevel(Level level) {
		this.minimumEventLevel = level;
	}

	public void setMinimumBreadcrumbLevel(Level level) {
		this.minimumBreadcrumbLevel = level;
	}

	@Override
	public void publish(LogRecord record) {
		if (record == null || !isLoggable(record) || this.publishing.get() != null || isIgnored(record)) {
			return;
		}
		this.publishing.set(Boolean.TRUE);
		try {
			FaultlineClient target = (this.client != null) ? this.client : Faultline.client();
			int level = record.getLevel().intValue();
			String formatted = this.messageFormatter.formatMessage(record);
			if (level >= this.minimumEventLevel.intValue()) {
				Event event = (record.getThrown() != null) ? Event.ofThrowable(record.getThrown()) : new Event();
				event.setLevel(toLevel(record.getLevel())).setLogger(record.getLoggerName());
				if (record.getParameters() != null && record.getParameters().length > 0
						&& record.getMessage() != null) {
					event.setMessage(formatted, record.getMessage(), Arrays.asList(record.getParameters()));
				}
				else {
					event.setMessage(formatted);
				}
				target.captureEvent(event);
			}
			else if (level >= this.minimumBreadcrumbLevel.intValue()) {
				target.addBreadcrumb(new Breadcrumb(Instant.ofEpochMilli(record.getMillis()), "default",
						record.getLoggerName(), formatted, toLevel(record.getLevel()), Map.of()));
			}
		}
		catch (RuntimeException ex) {
			reportError("Faultline could not capture a log record", ex, 0);
		}
		finally {
			this.publishing.remove();
		}
	}

	@Override
	public void flush() {
	}

	@Override
	public void close() {
	}

	static dev.faultline.sdk.Level toLevel(Level level) {
		int value = level.intValue();
		if (value >= Level.SEVERE.intValue()) {
			return dev.faultline.sdk.Level.ERROR;
		}
		if (value >= Level.WARNING.intValue()) {
			return dev.faultline.sdk.Level.WARNING;
		}
		if (value >= Level.CONFIG.intValue()) {
			return dev.faultline.sdk.Level.INFO;
		}
		return dev.faultline.sdk.Level.DEBUG;
	}

	private static boolean isIgnored(LogRecord record) {
		String name = record.getLoggerName();
		if (name == null) {
			return false;
		}
		for (String prefix : IGNORED_LOGGERS) {
			if (name.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

}
