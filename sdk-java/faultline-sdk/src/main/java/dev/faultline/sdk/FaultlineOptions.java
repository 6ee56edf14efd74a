package dev.faultline.sdk;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Settings of a {@link FaultlineClient}. A plain mutable bean: fill it, then pass it to
 * {@link Faultline#init}; changes after that have no effect. Not thread-safe.
 */
public final class FaultlineOptions {

	private String dsn;

	private String release;

	private String environment = "production";

	private double sampleRate = 1.0;

	private Double tracesSampleRate;

	private UnaryOperator<Event> beforeSend;

	private final List<String> inAppIncludes = new ArrayList<>();

	private int maxBreadcrumbs = 100;

	private boolean sendDefaultPii;

	private String serverName;

	private boolean debug;

	private int maxQueueSize = 30;

	private Path cacheDirectory;

	private int maxCacheItems = 30;

	private Duration cacheRetryInterval = Duration.ofSeconds(30);

	private Duration shutdownTimeout = Duration.ofSeconds(2);

	private boolean uncaughtExceptionHandler = true;

	private Clock clock = Clock.systemUTC();

	private Transport transport;

	/** The DSN, nullable: without one the SDK is disabled and sends nothing. */
	public String getDsn() {
		return this.dsn;
	}

	public FaultlineOptions setDsn(String dsn) {
		this.dsn = dsn;
		return this;
	}

	/** Nullable release, e.g. {@code app@1.2.3}. */
	public String getRelease() {
		return this.release;
	}

	public FaultlineOptions setRelease(String release) {
		this.release = release;
		return this;
	}

	/** The environment, {@code production} by default; nullable. */
	public String getEnvironment() {
		return this.environment;
	}

	public FaultlineOptions setEnvironment(String environment) {
		this.environment = environment;
		return this;
	}

	/** Share of error and message events sent, 0.0 to 1.0; 1.0 by default. */
	public double getSampleRate() {
		return this.sampleRate;
	}

	public FaultlineOptions setSampleRate(double sampleRate) {
		this.sampleRate = checkRate(sampleRate, "sampleRate");
		return this;
	}

	/**
	 * Share of new traces sampled, 0.0 to 1.0; nullable, and null (the default) disables
	 * tracing unless an incoming trace says it is sampled.
	 */
	public Double getTracesSampleRate() {
		return this.tracesSampleRate;
	}

	public FaultlineOptions setTracesSampleRate(Double tracesSampleRate) {
		this.tracesSampleRate = (tracesSampleRate != null) ? checkRate(tracesSampleRate, "tracesSampleRate") : null;
		return this;
	}

	/**
	 * Nullable callback run on the capturing thread before an event is queued; it may
	 * change the event or return null to drop it (recorded as {@code before_send}).
	 */
	public UnaryOperator<Event> getBeforeSend() {
		return this.beforeSend;
	}

	public FaultlineOptions setBeforeSend(UnaryOperator<Event> beforeSend) {
		this.beforeSend = beforeSend;
		return this;
	}

	/**
	 * Package prefixes whose frames are the application's ({@code in_app}). When empty,
	 * every frame outside the JDK and well-known runtime packages counts as in-app.
	 */
	public List<String> getInAppIncludes() {
		return this.inAppIncludes;
	}

	public FaultlineOptions addInAppInclude(String packagePrefix) {
		this.inAppIncludes.add(packagePrefix);
		return this;
	}

	/** Breadcrumbs kept per scope, oldest dropped first; 100 by default. */
	public int getMaxBreadcrumbs() {
		return this.maxBreadcrumbs;
	}

	public FaultlineOptions setMaxBreadcrumbs(int maxBreadcrumbs) {
		this.maxBreadcrumbs = Math.max(0, maxBreadcrumbs);
		return this;
	}

	/**
	 * Whether personal data may be sent; when false (the default) the user's IP address
	 * is stripped and the servlet filter records no client address.
	 */
	public boolean isSendDefaultPii() {
		return this.sendDefaultPii;
	}

	public FaultlineOptions setSendDefaultPii(boolean sendDefaultPii) {
		this.sendDefaultPii = sendDefaultPii;
		return this;
	}

	/** Nullable host name sent as {@code server_name}; the local host name by default. */
	public String getServerName() {
		return this.serverName;
	}

	public FaultlineOptions setServerName(String serverName) {
		this.serverName = serverName;
		return this;
	}

	/** Whether the SDK logs its own activity to {@code System.err}. */
	public boolean isDebug() {
		return this.debug;
	}

	public FaultlineOptions setDebug(boolean debug) {
		this.debug = debug;
		return this;
	}

	/**
	 * Envelopes waiting in memory; beyond it they are dropped as {@code queue_overflow}.
	 */
	public int getMaxQueueSize() {
		return this.maxQueueSize;
	}

	public FaultlineOptions setMaxQueueSize(int maxQueueSize) {
		this.maxQueueSize = Math.max(1, maxQueueSize);
		return this;
	}

	/**
	 * Nullable directory of the offline cache: envelopes that could not be sent (network
	 * down, 5xx) are kept there and re-sent later. Null disables the cache.
	 */
	public Path getCacheDirectory() {
		return this.cacheDirectory;
	}

	public FaultlineOptions setCacheDirectory(Path cacheDirectory) {
		this.cacheDirectory = cacheDirectory;
		return this;
	}

	/**
	 * Envelopes kept in the offline cache; the oldest are dropped as
	 * {@code cache_overflow}.
	 */
	public int getMaxCacheItems() {
		return this.maxCacheItems;
	}

	public FaultlineOptions setMaxCacheItems(int maxCacheItems) {
		this.maxCacheItems = Math.max(1, maxCacheItems);
		return this;
	}

	/** How long an idle sender waits before retrying the offline cache. */
	public Duration getCacheRetryInterval() {
		return this.cacheRetryInterval;
	}

	public FaultlineOptions setCacheRetryInterval(Duration cacheRetryInterval) {
		this.cacheRetryInterval = cacheRetryInterval;
		return this;
	}

	/** How long {@link FaultlineClient#close()} waits for queued envelopes. */
	public Duration getShutdownTimeout() {
		return this.shutdownTimeout;
	}

	public FaultlineOptions setShutdownTimeout(Duration shutdownTimeout) {
		this.shutdownTimeout = shutdownTimeout;
		return this;
	}

	/** Whether {@link Faultline#init} installs the default uncaught-exception handler. */
	public boolean isUncaughtExceptionHandler() {
		return this.uncaughtExceptionHandler;
	}

	public FaultlineOptions setUncaughtExceptionHandler(boolean enabled) {
		this.uncaughtExceptionHandler = enabled;
		return this;
	}

	/** The clock of rate limits and client reports; injectable for tests. */
	public Clock getClock() {
		return this.clock;
	}

	public FaultlineOptions setClock(Clock clock) {
		this.clock = clock;
		return this;
	}

	/** Nullable transport; an HTTP transport to the DSN by default. */
	public Transport getTransport() {
		return this.transport;
	}

	public FaultlineOptions setTransport(Transport transport) {
		this.transport = transport;
		return this;
	}

	private static double checkRate(double rate, String name) {
		if (!(rate >= 0.0 && rate <= 1.0)) {
			throw new IllegalArgumentException(name + " must be between 0.0 and 1.0, was " + rate);
		}
		return rate;
	}

}
