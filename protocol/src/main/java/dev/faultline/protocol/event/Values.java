package dev.faultline.protocol.event;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import tools.jackson.databind.JsonNode;

/**
 * A list interface ({@code exception}, {@code threads}, {@code breadcrumbs}) in any of
 * the shapes SDKs send: Sentry's {@code {"values": [...]}}, the bare array of older SDKs,
 * or a single object (the legacy {@code sentry.interfaces.Exception} of raven clients).
 * The shape is kept so that encoding writes what was read.
 *
 * @param values the elements in wire order
 * @param shape how the list was written
 * @param other properties of the {@code {"values": …}} object besides {@code values}
 * (e.g. {@code exc_omitted})
 * @param <T> the element record
 */
public record Values<T>(List<T> values, Shape shape, Map<String, JsonNode> other) {

	public Values {
		values = List.copyOf(values);
		Objects.requireNonNull(shape, "shape");
		other = Others.copy(other);
	}

	/**
	 * The normalized form: an object holding {@code values}.
	 */
	public static <T> Values<T> of(List<T> values) {
		return new Values<>(values, Shape.OBJECT, Map.of());
	}

	/**
	 * The same container (shape and other properties) with other elements.
	 */
	public Values<T> withValues(List<T> newValues) {
		return new Values<>(newValues, this.shape, this.other);
	}

	public boolean isEmpty() {
		return this.values.isEmpty();
	}

	/**
	 * How a list interface was written on the wire.
	 */
	public enum Shape {

		/** {@code {"values": [...]}}. */
		OBJECT,
		/** {@code [...]}. */
		ARRAY,
		/** One element written as the interface itself. */
		SINGLE

	}

}
