package dev.faultline.sdk;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A timed operation inside a {@link Transaction}. Start children with
 * {@link #startChild}, end with {@link #finish()}; a span finished twice keeps its first
 * end. Thread-safe.
 */
public class Span implements JsonWriter.JsonValue {

	private final Transaction transaction;

	private final String spanId;

	private final String parentSpanId;

	private final String op;

	private final Instant start;

	private final Map<String, Object> data = new LinkedHashMap<>();

	private String description;

	private String status;

	private Instant end;

	Span(Transaction transaction, String spanId, String parentSpanId, String op, String description, Instant start) {
		this.transaction = (transaction != null) ? transaction : (Transaction) this;
		this.spanId = spanId;
		this.parentSpanId = parentSpanId;
		this.op = op;
		this.description = description;
		this.start = start;
	}

	/**
	 * Starts a child span now.
	 * @param op the operation, e.g. {@code db.query}
	 * @param description nullable, e.g. the statement
	 * @return the started child
	 */
	public Span startChild(String op, String description) {
		Span child = new Span(this.transaction, Ids.id16(), this.spanId, op, description,
				this.transaction.clock().instant());
		this.transaction.addChild(child);
		return child;
	}

	/** Ends the span now. */
	public void finish() {
		synchronized (this) {
			if (this.end != null) {
				return;
			}
			this.end = this.transaction.clock().instant();
		}
	}

	public synchronized Span setStatus(String status) {
		this.status = status;
		return this;
	}

	public synchronized Span setDescription(String description) {
		this.description = description;
		return this;
	}

	public synchronized Span setData(String key, Object value) {
		this.data.put(key, value);
		return this;
	}

	/** The {@code sentry-trace} header of an outgoing request made inside this span. */
	public String toSentryTrace() {
		Boolean sampled = this.transaction.sampled();
		return this.transaction.traceId() + "-" + this.spanId + ((sampled == null) ? "" : (sampled ? "-1" : "-0"));
	}

	/** The {@code baggage} header of an outgoing request made inside this span. */
	public String toBaggage() {
		return this.transaction.baggage();
	}

	public String traceId() {
		return this.transaction.traceId();
	}

	public String spanId() {
		return this.spanId;
	}

	/** Nullable. */
	public String parentSpanId() {
		return this.parentSpanId;
	}

	public String op() {
		return this.op;
	}

	/** Nullable until set. */
	public synchronized String status() {
		return this.status;
	}

	public synchronized boolean isFinished() {
		return this.end != null;
	}

	Transaction transaction() {
		return this.transaction;
	}

	Instant start() {
		return this.start;
	}

	synchronized Instant end() {
		return this.end;
	}

	/** The {@code contexts.trace} of events captured inside this span. */
	synchronized Map<String, Object> traceContext() {
		Map<String, Object> context = new LinkedHashMap<>();
		context.put("trace_id", traceId());
		context.put("span_id", this.spanId);
		if (this.parentSpanId != null) {
			context.put("parent_span_id", this.parentSpanId);
		}
		context.put("op", this.op);
		if (this.status != null) {
			context.put("status", this.status);
		}
		context.put("origin", "manual");
		if (!this.data.isEmpty()) {
			context.put("data", new LinkedHashMap<>(this.data));
		}
		return context;
	}

	@Override
	public synchronized void writeTo(JsonWriter json) {
		json.beginObject()
			.rawNumberField("start_timestamp", Timestamps.seconds(this.start))
			.rawNumberField("timestamp", Timestamps.seconds((this.end != null) ? this.end : this.start))
			.field("trace_id", traceId())
			.field("span_id", this.spanId)
			.field("parent_span_id", this.parentSpanId)
			.field("op", this.op)
			.field("description", this.description)
			.field("status", this.status)
			.field("origin", "manual");
		if (!this.data.isEmpty()) {
			json.name("data").value(this.data);
		}
		json.endObject();
	}

}
