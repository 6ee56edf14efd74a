package dev.faultline.sdk;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One configured SDK instance: a global scope, per-thread scopes for {@link #withScope},
 * sampling, {@code beforeSend}, and the sender. {@link Faultline} holds the process-wide
 * instance; tests and multi-tenant applications may hold their own. Capturing never
 * throws and never blocks on I/O: the caller's thread only builds the event and queues
 * it. Thread-safe.
 */
public final class FaultlineClient implements AutoCloseable {

	/** The SDK name on the wire. */
	public static final String SDK_NAME = "faultline.java";

	/** The SDK version on the wire. */
	public static final String SDK_VERSION = "0.1.0";

	private final FaultlineOptions options;

	private final Scope globalScope;

	private final ThreadLocal<Scope> threadScope = new ThreadLocal<>();

	private final ClientIdentity identity;

	private final EventSerializer serializer;

	private final ClientReports reports;

	private final EnvelopeSender sender;

	private final SdkLog log;

	/**
	 * Creates a client. Without a DSN and without a transport the client is disabled:
	 * capturing works but nothing is sent.
	 * @param options the options, read once
	 * @throws IllegalArgumentException when the DSN is malformed
	 */
	public FaultlineClient(FaultlineOptions options) {
		this.options = options;
		this.log = new SdkLog(options.isDebug());
		this.globalScope = new Scope(options.getMaxBreadcrumbs());
		Dsn dsn = (options.getDsn() != null && !options.getDsn().isBlank()) ? Dsn.parse(options.getDsn()) : null;
		this.identity = new ClientIdentity(options, (dsn != null) ? dsn.publicKey() : null);
		this.serializer = new EventSerializer(options, this.identity);
		this.reports = new ClientReports(options.getClock());
		Transport transport = (options.getTransport() != null) ? options.getTransport()
				: (dsn != null) ? new HttpTransport(dsn) : null;
		if (transport == null) {
			this.sender = null;
			return;
		}
		OfflineCache cache = (options.getCacheDirectory() != null)
				? new OfflineCache(options.getCacheDirectory(), options.getMaxCacheItems(), this.reports, this.log)
				: null;
		this.sender = new EnvelopeSender(transport, options.getMaxQueueSize(), cache, this.reports,
				new RateLimiter(options.getClock(), this.reports), options.getClock(), options.getCacheRetryInterval(),
				this.log);
	}

	/** Whether events are sent anywhere. */
	public boolean isEnabled() {
		return this.sender != null;
	}

	public FaultlineOptions options() {
		return this.options;
	}

	/**
	 * Captures an exception as an error event.
	 * @return the event id (also when the event is dropped)
	 */
	public String captureException(Throwable throwable) {
		return captureEvent(Event.ofThrowable(throwable));
	}

	/**
	 * Captures a message at level info.
	 * @return the event id
	 */
	public String captureMessage(String message) {
		return captureMessage(message, Level.INFO);
	}

	public String captureMessage(String message, Level level) {
		return captureEvent(Event.ofMessage(message, level));
	}

	/**
	 * Captures an event with the current scope's data, then samples it, runs
	 * {@code beforeSend} and queues it. Never throws.
	 * @return the event id
	 */
	public String captureEvent(Event event) {
		try {
			if (this.sender == null) {
				return event.eventId();
			}
			currentScope().applyTo(event);
			if (this.options.getSampleRate() < 1.0
					&& ThreadLocalRandom.current().nextDouble() >= this.options.getSampleRate()) {
				this.reports.record(DiscardReason.SAMPLE_RATE, DataCategory.ERROR, 1);
				return event.eventId();
			}
			Event processed = event;
			if (this.options.getBeforeSend() != null) {
				processed = this.options.getBeforeSend().apply(event);
				if (processed == null) {
					this.reports.record(DiscardReason.BEFORE_SEND, DataCategory.ERROR, 1);
					return event.eventId();
				}
			}
			Event toSend = processed;
			Map<String, String> trace = null;
			Span span = currentScope().getSpan();
			if (span != null) {
				trace = span.transaction().dynamicSamplingContext();
			}
			Supplier<byte[]> payload = () -> this.serializer.serialize(toSend);
			this.sender.submit(new Envelope(this.identity.envelopeHeader(toSend.eventId(), trace),
					List.of(new EnvelopeItem("event", "application/json", 0, payload))));
			return toSend.eventId();
		}
		catch (RuntimeException ex) {
			// Reporting an error must never raise one in the application.
			this.log.debug("capture failed: " + ex);
			return event.eventId();
		}
	}

	/**
	 * Changes the scope current on this thread (the global one outside
	 * {@link #withScope}).
	 */
	public void configureScope(Consumer<Scope> callback) {
		callback.accept(currentScope());
	}

	/**
	 * Runs the callback with a copy of the current scope that is current on this thread
	 * until the callback returns; changes to it do not leak out.
	 */
	public void withScope(Consumer<Scope> callback) {
		Scope previous = this.threadScope.get();
		this.threadScope.set(currentScope().copy());
		try {
			callback.accept(currentScope());
		}
		finally {
			if (previous != null) {
				this.threadScope.set(previous);
			}
			else {
				this.threadScope.remove();
			}
		}
	}

	public void addBreadcrumb(Breadcrumb breadcrumb) {
		currentScope().addBreadcrumb(breadcrumb);
	}

	/**
	 * Starts a transaction on a new trace, sampled by {@code tracesSampleRate}.
	 * @param name e.g. {@code GET /checkout}
	 * @param op e.g. {@code http.server}
	 */
	public Transaction startTransaction(String name, String op) {
		return continueTrace(name, op, null);
	}

	/**
	 * Starts a transaction continuing an incoming trace: the caller's sampling decision
	 * wins; without one, {@code tracesSampleRate} decides against the trace's
	 * {@code sample_rand} so every service of the trace decides alike.
	 * @param parent the incoming trace, nullable to start a new one
	 */
	public Transaction continueTrace(String name, String op, TraceParent parent) {
		String traceId = (parent != null) ? parent.traceId() : Ids.id32();
		Map<String, String> incoming = (parent != null) ? parent.sentryBaggage() : Map.of();
		double sampleRand = parseDouble(incoming.get("sample_rand"), ThreadLocalRandom.current().nextDouble());
		Double rate = this.options.getTracesSampleRate();
		boolean sampled;
		if (parent != null && parent.sampled() != null) {
			sampled = parent.sampled();
		}
		else {
			sampled = rate != null && sampleRand < rate;
		}
		Map<String, String> dsc;
		if (!incoming.isEmpty()) {
			// The head service's context is frozen for the whole trace.
			dsc = incoming;
		}
		else {
			dsc = new LinkedHashMap<>();
			dsc.put("trace_id", traceId);
			putIfNotNull(dsc, "public_key", this.identity.publicKey());
			putIfNotNull(dsc, "release", this.identity.release());
			putIfNotNull(dsc, "environment", this.identity.environment());
			dsc.put("transaction", name);
			if (rate != null) {
				dsc.put("sample_rate", Transaction.formatRate(rate));
			}
			dsc.put("sample_rand", Transaction.formatRate(sampleRand));
			dsc.put("sampled", Boolean.toString(sampled));
		}
		Transaction transaction = new Transaction(this, name, op, traceId,
				(parent != null) ? parent.parentSpanId() : null, sampled, dsc, clock().instant());
		currentScope().applyTo(transaction);
		return transaction;
	}

	/**
	 * Waits until everything captured so far was sent (or cached).
	 * @return whether that happened within the timeout
	 */
	public boolean flush(Duration timeout) {
		return this.sender == null || this.sender.flush(timeout);
	}

	/** Flushes within {@code shutdownTimeout} and stops sending. */
	@Override
	public void close() {
		if (this.sender != null) {
			this.sender.close(this.options.getShutdownTimeout());
		}
	}

	void captureTransaction(Transaction transaction) {
		if (this.sender == null) {
			return;
		}
		if (!transaction.isSampled()) {
			this.reports.record(DiscardReason.SAMPLE_RATE, DataCategory.TRANSACTION, 1);
			this.reports.record(DiscardReason.SAMPLE_RATE, DataCategory.SPAN, transaction.spanCount());
			return;
		}
		String eventId = Ids.id32();
		this.sender.submit(new Envelope(this.identity.envelopeHeader(eventId, transaction.dynamicSamplingContext()),
				List.of(new EnvelopeItem("transaction", "application/json", transaction.spanCount(),
						() -> transaction.serialize(this.identity, eventId)))));
	}

	Clock clock() {
		return this.options.getClock();
	}

	ClientReports reports() {
		return this.reports;
	}

	Scope currentScope() {
		Scope scope = this.threadScope.get();
		return (scope != null) ? scope : this.globalScope;
	}

	private static void putIfNotNull(Map<String, String> map, String key, String value) {
		if (value != null) {
			map.put(key, value);
		}
	}

	private static double parseDouble(String text, double fallback) {
		if (text == null) {
			return fallback;
		}
		try {
			return Double.parseDouble(text);
		}
		catch (NumberFormatException ex) {
			return fallback;
		}
	}

}
