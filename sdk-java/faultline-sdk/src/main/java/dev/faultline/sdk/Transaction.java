package dev.faultline.sdk;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The root span of a trace on this service, e.g. one HTTP request. Carries the sampling
 * decision, made once when it starts (from the incoming trace when there is one, else
 * {@code tracesSampleRate}) and propagated through {@link #toSentryTrace()} and
 * {@link #toBaggage()}. {@link #finish()} sends it when sampled. Thread-safe.
 */
public final class Transaction extends Span {

	private final FaultlineClient client;

	private final String name;

	private final String traceId;

	private final boolean sampled;

	private final Map<String, String> dynamicSamplingContext;

	private final List<Span> children = new ArrayList<>();

	private final Map<String, String> tags = new LinkedHashMap<>();

	Transaction(FaultlineClient client, String name, String op, String traceId, String parentSpanId, boolean sampled,
			Map<String, String> dynamicSamplingContext, Instant start) {
		super(null, Ids.id16(), parentSpanId, op, null, start);
		this.client = client;
		this.name = name;
		this.traceId = traceId;
		this.sampled = sampled;
		this.dynamicSamplingContext = Collections.unmodifiableMap(new LinkedHashMap<>(dynamicSamplingContext));
	}

	/** The transaction name, e.g. {@code GET /checkout}. */
	public String name() {
		return this.name;
	}

	/** Whether this trace is sampled (sent). */
	public boolean isSampled() {
		return this.sampled;
	}

	@Override
	public String traceId() {
		return this.traceId;
	}

	/** Tags of the transaction, mutable under its lock. */
	public synchronized Map<String, String> tags() {
		return this.tags;
	}

	public synchronized Transaction setTag(String key, String value) {
		this.tags.put(key, value);
		return this;
	}

	/** Ends the transaction now and sends it when sampled; later calls do nothing. */
	@Override
	public void finish() {
		if (isFinished()) {
			return;
		}
		super.finish();
		this.client.captureTransaction(this);
	}

	Boolean sampled() {
		return this.sampled;
	}

	Clock clock() {
		return this.client.clock();
	}

	synchronized void addChild(Span child) {
		this.children.add(child);
	}

	synchronized List<Span> children() {
		return new ArrayList<>(this.children);
	}

	/** The dynamic sampling context, the envelope header {@code trace}. */
	Map<String, String> dynamicSamplingContext() {
		return this.dynamicSamplingContext;
	}

	String baggage() {
		StringBuilder out = new StringBuilder();
		this.dynamicSamplingContext.forEach((key, value) -> {
			if (out.length() > 0) {
				out.append(',');
			}
			out.append("sentry-").append(key).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
		});
		return out.toString();
	}

	/** Writes the transaction event payload. */
	byte[] serialize(ClientIdentity identity, String eventId) {
		StringBuilder out = new StringBuilder(1024);
		JsonWriter json = new JsonWriter(out);
		List<Span> finished = children().stream().filter(Span::isFinished).toList();
		json.beginObject()
			.field("event_id", eventId)
			.field("type", "transaction")
			.field("platform", "java")
			.field("transaction", this.name)
			.name("transaction_info")
			.beginObject()
			.field("source", "custom")
			.endObject()
			.rawNumberField("start_timestamp", Timestamps.seconds(start()))
			.rawNumberField("timestamp", Timestamps.seconds((end() != null) ? end() : start()));
		identity.writeCommonFields(json);
		json.name("contexts")
			.beginObject()
			.name("trace")
			.value(traceContext())
			.name("runtime")
			.value(identity.runtime())
			.endObject();
		json.name("spans").value(finished);
		synchronized (this) {
			if (!this.tags.isEmpty()) {
				json.name("tags").value(this.tags);
			}
		}
		json.name("sdk").value(identity.sdk()).endObject();
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** Spans this transaction carries, itself included, for client reports. */
	int spanCount() {
		return children().size() + 1;
	}

	static String formatRate(double rate) {
		String text = String.format(Locale.ROOT, "%.6f", rate);
		text = text.replaceAll("0+$", "");
		return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
	}

}
