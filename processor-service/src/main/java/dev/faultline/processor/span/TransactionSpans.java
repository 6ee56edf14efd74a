package dev.faultline.processor.span;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.faultline.protocol.event.User;
import dev.faultline.protocol.span.Transaction;
import dev.faultline.protocol.span.TransactionSpan;
import dev.faultline.storage.events.EventUser;
import dev.faultline.storage.spans.Measurement;
import dev.faultline.storage.spans.StoredSpan;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Turns a classic transaction into span rows: its segment ({@code contexts.trace} and the
 * event's times, with the measurements) and every child span, each carrying the
 * transaction's name, release, environment, user, SDK and tags, so every row stands on
 * its own. Exclusive times are computed over the whole tree. Stateless.
 */
final class TransactionSpans {

	private TransactionSpans() {
	}

	static List<StoredSpan> of(Transaction transaction, SpanEnvelope envelope) {
		TransactionSpan root = transaction.root();
		Duration shift = envelope.shift(root.end());
		List<ExclusiveTime.Interval> intervals = new ArrayList<>();
		intervals.add(new ExclusiveTime.Interval(root.spanId(), null, root.start(), root.end()));
		for (TransactionSpan span : transaction.spans()) {
			intervals.add(new ExclusiveTime.Interval(span.spanId(), span.parentSpanId(), span.start(), span.end()));
		}
		Map<String, Double> exclusive = ExclusiveTime.of(intervals);
		String release = (transaction.release() != null) ? transaction.release() : envelope.release();
		String environment = (transaction.environment() != null) ? transaction.environment() : envelope.environment();
		String sdkName = (transaction.sdkName() != null) ? transaction.sdkName() : envelope.sdkName();
		String platform = (transaction.platform() != null) ? transaction.platform() : SpanEnvelope.platform(sdkName);
		EventUser user = user(transaction.user(), envelope.clientIp());
		double weight = envelope.sampleWeight(null);
		Map<String, Measurement> measurements = new HashMap<>();
		transaction.measurements()
			.forEach((name, value) -> measurements.put(name,
					new Measurement(value.value(), (value.unit() != null) ? value.unit() : Measurements.unit(name))));
		List<StoredSpan> rows = new ArrayList<>();
		rows.add(row(transaction, root, true, shift, exclusive, release, environment, platform, sdkName, user, weight,
				measurements, transaction.tags(), envelope));
		for (TransactionSpan span : transaction.spans()) {
			Map<String, String> tags = new LinkedHashMap<>(transaction.tags());
			tags.putAll(span.tags());
			rows.add(row(transaction, span, false, shift, exclusive, release, environment, platform, sdkName, user,
					weight, Map.of(), tags, envelope));
		}
		return rows;
	}

	private static StoredSpan row(Transaction transaction, TransactionSpan span, boolean segment, Duration shift,
			Map<String, Double> exclusive, @Nullable String release, @Nullable String environment,
			@Nullable String platform, @Nullable String sdkName, @Nullable EventUser user, double weight,
			Map<String, Measurement> measurements, Map<String, String> tags, SpanEnvelope envelope) {
		double duration = ExclusiveTime.millis(Duration.between(span.start(), span.end()));
		return new StoredSpan(envelope.projectId(), span.traceId(), span.spanId(), span.parentSpanId(),
				transaction.root().spanId(), transaction.eventId(), segment, span.start().plus(shift),
				span.end().plus(shift), duration, Math.max(0, exclusive.getOrDefault(span.spanId(), duration)),
				envelope.receivedAt(), span.op(), span.description(), span.status(), transaction.name(), release,
				environment, platform, sdkName, user, weight, measurements, tags, data(span.data()));
	}

	static Map<String, String> data(Map<String, JsonNode> data) {
		Map<String, String> text = new LinkedHashMap<>();
		data.forEach((key, value) -> {
			if (!value.isNull()) {
				text.put(key, value.isString() ? value.stringValue() : value.toString());
			}
		});
		return text;
	}

	/**
	 * The stored user; {@code {{auto}}} is the client's address, as for errors.
	 */
	static @Nullable EventUser user(@Nullable User user, @Nullable String clientIp) {
		if (user == null) {
			return null;
		}
		String ip = user.ipAddress();
		if (ip != null && (ip.equals("{{auto}}") || ip.equals("{{ auto }}"))) {
			ip = clientIp;
		}
		if (user.id() == null && user.username() == null && user.email() == null && ip == null) {
			return null;
		}
		return new EventUser(user.id(), user.username(), user.email(), ip);
	}

}
