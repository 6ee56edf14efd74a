package dev.faultline.sdk.logback;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import dev.faultline.sdk.Breadcrumb;
import dev.faultline.sdk.Event;
import dev.faultline.sdk.Faultline;
import dev.faultline.sdk.FaultlineClient;

/**
 * Sends Logback events to Faultline: events at or above {@code minimumEventLevel}
 * ({@code ERROR} by default) become Faultline events with their exception and the message
 * template (so that parameterized messages group together); events at or above
 * {@code minimumBreadcrumbLevel} ({@code INFO}) become breadcrumbs. The SDK's own loggers
 * are ignored. Thread-safe.
 *
 * <pre>{@code
 * <appender name="FAULTLINE" class="dev.faultline.sdk.logback.FaultlineAppender"/>
 * <root level="INFO"><appender-ref ref="FAULTLINE"/></root>
 * }</pre>
 */
public final class FaultlineAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

	private volatile FaultlineClient client;

	private volatile Level minimumEventLevel = Level.ERROR;

	private volatile Level minimumBreadcrumbLevel = Level.INFO;

	/**
	 * Sends to the given client instead of the process-wide one of {@link Faultline}.
	 * @param client the client, or null for the process-wide one
	 */
	public void setClient(FaultlineClient client) {
		this.client = client;
	}

	/** Level name, e.g. {@code WARN}, from which log events become Faultline events. */
	public void setMinimumEventLevel(String level) {
		this.minimumEventLevel = Level.toLevel(level, Level.ERROR);
	}

	/** Level name from which log events become breadcrumbs. */
	public void setMinimumBreadcrumbLevel(String level) {
		this.minimumBreadcrumbLevel = Level.toLevel(level, Level.INFO);
	}

	@Override
	protected void append(ILoggingEvent logEvent) {
		String loggerName = logEvent.getLoggerName();
		if (loggerName != null
				&& (loggerName.startsWith("dev.faultline.sdk") || loggerName.startsWith("jdk.internal"))) {
			return;
		}
		FaultlineClient target = (this.client != null) ? this.client : Faultline.client();
		Level level = logEvent.getLevel();
		if (level.isGreaterOrEqual(this.minimumEventLevel)) {
			IThrowableProxy proxy = logEvent.getThrowableProxy();
			Throwable throwable = (proxy instanceof ThrowableProxy real) ? real.getThrowable() : null;
			Event event = (throwable != null) ? Event.ofThrowable(throwable) : new Event();
			event.setLevel(toLevel(level)).setLogger(loggerName);
			Object[] arguments = logEvent.getArgumentArray();
			if (arguments != null && arguments.length > 0 && logEvent.getMessage() != null) {
				event.setMessage(logEvent.getFormattedMessage(), logEvent.getMessage(), Arrays.asList(arguments));
			}
			else {
				event.setMessage(logEvent.getFormattedMessage());
			}
			event.extra().put("thread_name", logEvent.getThreadName());
			target.captureEvent(event);
		}
		else if (level.isGreaterOrEqual(this.minimumBreadcrumbLevel)) {
			target.addBreadcrumb(new Breadcrumb(Instant.ofEpochMilli(logEvent.getTimeStamp()), "default", loggerName,
					logEvent.getFormattedMessage(), toLevel(level), Map.of()));
		}
	}

	static dev.faultline.sdk.Level toLevel(Level level) {
		return switch (level.toInt()) {
			case Level.ERROR_INT -> dev.faultline.sdk.Level.ERROR;
			case Level.WARN_INT -> dev.faultline.sdk.Level.WARNING;
			case Level.INFO_INT -> dev.faultline.sdk.Level.INFO;
			default -> dev.faultline.sdk.Level.DEBUG;
		};
	}

}
