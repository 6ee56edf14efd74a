package dev.faultline.processor.span;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import dev.faultline.core.normalize.Timestamps;
import dev.faultline.processor.pipeline.EnvelopeContext;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What the spans of one envelope take from the envelope: the dynamic sampling context
 * ({@code trace} header: sample rate, release, environment), the SDK, the client address,
 * and the placement in time.
 *
 * <p>
 * Time: a client whose clock is off by more than 55 minutes (its {@code sent_at} against
 * the receive time) has every span shifted by the difference, as errors are; a payload
 * still ending more than a minute in the future or 30 days in the past is moved whole so
 * it ends when it was received. A whole item moves together, so its tree keeps its shape
 * and durations.
 */
final class SpanEnvelope {

	private static final Duration DRIFT = Duration.ofMinutes(55);

	private static final Duration MAX_FUTURE = Duration.ofSeconds(60);

	private static final Duration MAX_AGE = Duration.ofDays(30);

	private final EnvelopeContext context;

	private final JsonNode trace;

	SpanEnvelope(EnvelopeContext context) {
		this.context = context;
		this.trace = context.headers().path("trace");
	}

	long projectId() {
		return this.context.projectId();
	}

	Instant receivedAt() {
		return this.context.queued().receivedAt();
	}

	@Nullable String clientIp() {
		return this.context.queued().clientIp();
	}

	/** The release of the trace's sampling context, or null. */
	@Nullable String release() {
		return text(this.trace.get("release"));
	}

	/** The environment of the trace's sampling context, or null. */
	@Nullable String environment() {
		return text(this.trace.get("environment"));
	}

	/** The SDK's name from the envelope header, or null. */
	@Nullable String sdkName() {
		return text(this.context.headers().path("sdk").get("name"));
	}

	/**
	 * How many spans one stands for: the inverse of a sample rate in (0, 1], 1 otherwise.
	 * @param spanRate a rate the span itself carries, preferred to the envelope's
	 */
	double sampleWeight(@Nullable Double spanRate) {
		Double rate = spanRate;
		if (rate == null) {
			rate = number(this.trace.get("sample_rate"));
		}
		return (rate != null && rate > 0 && rate <= 1) ? 1 / rate : 1;
	}

	/**
	 * The shift that places a payload ending at {@code end} in time.
	 */
	Duration shift(Instant end) {
		Instant received = receivedAt();
		Duration shift = Duration.ZERO;
		Instant sentAt = Timestamps.parse(this.context.headers().get("sent_at"));
		if (sentAt != null) {
			Duration drift = Duration.between(sentAt, received);
			if (drift.abs().compareTo(DRIFT) > 0) {
				shift = drift;
			}
		}
		Instant shifted = end.plus(shift);
		if (shifted.isAfter(received.plus(MAX_FUTURE)) || shifted.isBefore(received.minus(MAX_AGE))) {
			shift = Duration.between(end, received);
		}
		return shift;
	}

	/**
	 * The platform an SDK name implies ({@code sentry.javascript.node} is {@code node}).
	 */
	static @Nullable String platform(@Nullable String sdkName) {
		if (sdkName == null) {
			return null;
		}
		String name = sdkName.toLowerCase(Locale.ROOT);
		if (name.startsWith("sentry.javascript.node") || name.startsWith("sentry.javascript.bun")
				|| name.startsWith("sentry.javascript.deno")) {
			return "node";
		}
		if (name.startsWith("sentry.javascript")) {
			return "javascript";
		}
		if (name.startsWith("sentry.")) {
			String rest = name.substring("sentry.".length());
			int dot = rest.indexOf('.');
			return (dot < 0) ? rest : rest.substring(0, dot);
		}
		return null;
	}

	private static @Nullable String text(@Nullable JsonNode value) {
		return (value != null && value.isString() && !value.stringValue().isBlank()) ? value.stringValue() : null;
	}

	private static @Nullable Double number(@Nullable JsonNode value) {
		if (value == null) {
			return null;
		}
		if (value.isNumber()) {
			return value.asDouble();
		}
		if (value.isString()) {
			try {
				return Double.parseDouble(value.stringValue());
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}
		return null;
	}

}
