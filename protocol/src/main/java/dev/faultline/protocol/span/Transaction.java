package dev.faultline.protocol.span;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.faultline.protocol.event.User;
import org.jspecify.annotations.Nullable;

/**
 * A classic {@code transaction} item: an event whose {@code contexts.trace} is the
 * segment span and whose {@code spans} are its children (nested spans name their parent,
 * not necessarily the root).
 *
 * @param eventId 32 lower-case hex
 * @param name the transaction's name ({@code transaction}), or null
 * @param source how the name was made ({@code transaction_info.source}), or null
 * @param root the segment span, from {@code contexts.trace} and the event's times
 * @param spans the child spans that could be read, in the order sent
 * @param unreadableSpans how many child spans were skipped for lack of ids or times
 * @param measurements {@code measurements} by name
 * @param release the release, or null
 * @param environment the environment, or null
 * @param platform the platform, or null
 * @param sdkName {@code sdk.name}, or null
 * @param user the user, or null
 * @param tags the transaction's tags
 */
public record Transaction(String eventId, @Nullable String name, @Nullable String source, TransactionSpan root,
		List<TransactionSpan> spans, int unreadableSpans, Map<String, MeasurementValue> measurements,
		@Nullable String release, @Nullable String environment, @Nullable String platform, @Nullable String sdkName,
		@Nullable User user, Map<String, String> tags) {

	public Transaction {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(root, "root");
		spans = List.copyOf(spans);
		measurements = Map.copyOf(measurements);
		tags = Map.copyOf(tags);
	}

	/**
	 * A measurement as sent: {@code {"value": 812.5, "unit": "millisecond"}}.
	 *
	 * @param value the value, finite
	 * @param unit the unit, or null when none was sent
	 */
	public record MeasurementValue(double value, @Nullable String unit) {

		public MeasurementValue {
			if (!Double.isFinite(value)) {
				throw new IllegalArgumentException("a measurement is finite");
			}
		}

	}

}
