package dev.faultline.protocol.span;

import java.util.Objects;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One attribute of a streamed span: {@code {"value": …, "type": …}} with the types
 * {@code string}, {@code integer}, {@code double}, {@code boolean} and {@code array}.
 *
 * @param type the declared type, {@code string} when none was declared
 * @param value the value as sent
 */
public record SpanAttribute(String type, JsonNode value) {

	public SpanAttribute {
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(value, "value");
	}

	/**
	 * The value as text: a string as it is, anything else as its JSON text.
	 */
	public String text() {
		return this.value.isString() ? this.value.stringValue() : this.value.toString();
	}

	/**
	 * The value as a number, or null when it is not one (numbers sent as strings are
	 * read).
	 */
	public @Nullable Double number() {
		if (this.value.isNumber()) {
			return this.value.asDouble();
		}
		if (this.value.isString()) {
			try {
				double parsed = Double.parseDouble(this.value.stringValue());
				return Double.isFinite(parsed) ? parsed : null;
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}
		return null;
	}

}
