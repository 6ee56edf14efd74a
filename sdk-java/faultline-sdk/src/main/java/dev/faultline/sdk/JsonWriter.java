package dev.faultline.sdk;

import java.util.Collection;
import java.util.Map;

/**
 * A minimal streaming JSON writer into a {@link StringBuilder}: the SDK only ever writes
 * JSON, so a few dozen lines replace a JSON library. Not thread-safe; one per document.
 */
final class JsonWriter {

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private final StringBuilder out;

	/** Whether the next value in the current container needs a leading comma. */
	private boolean comma;

	JsonWriter(StringBuilder out) {
		this.out = out;
	}

	JsonWriter beginObject() {
		separate();
		this.out.append('{');
		this.comma = false;
		return this;
	}

	JsonWriter endObject() {
		this.out.append('}');
		this.comma = true;
		return this;
	}

	JsonWriter beginArray() {
		separate();
		this.out.append('[');
		this.comma = false;
		return this;
	}

	JsonWriter endArray() {
		this.out.append(']');
		this.comma = true;
		return this;
	}

	JsonWriter name(String name) {
		separate();
		string(name);
		this.out.append(':');
		this.comma = false;
		return this;
	}

	/**
	 * Writes {@code "name": value} unless the value is null, so absent fields stay
	 * absent.
	 */
	JsonWriter field(String name, Object value) {
		if (value != null) {
			name(name).value(value);
		}
		return this;
	}

	/** Writes {@code "name": literal} for a number already formatted. */
	JsonWriter rawNumberField(String name, String literal) {
		return name(name).rawNumber(literal);
	}

	/** Writes a number already formatted as a JSON number literal. */
	JsonWriter rawNumber(String literal) {
		separate();
		this.out.append(literal);
		this.comma = true;
		return this;
	}

	/**
	 * Writes any value: null, strings, numbers, booleans, maps (keys by
	 * {@code toString}), collections, arrays of objects, {@link JsonValue}s; anything
	 * else as its {@code toString}.
	 */
	JsonWriter value(Object value) {
		if (value == null) {
			separate();
			this.out.append("null");
			this.comma = true;
		}
		else if (value instanceof String text) {
			separate();
			string(text);
			this.comma = true;
		}
		else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
			rawNumber(value.toString());
		}
		else if (value instanceof Number number) {
			double d = number.doubleValue();
			if (Double.isFinite(d)) {
				rawNumber(number.toString());
			}
			else {
				value(null);
			}
		}
		else if (value instanceof Boolean bool) {
			rawNumber(bool.toString());
		}
		else if (value instanceof JsonValue json) {
			json.writeTo(this);
		}
		else if (value instanceof Map<?, ?> map) {
			beginObject();
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				name(String.valueOf(entry.getKey())).value(entry.getValue());
			}
			endObject();
		}
		else if (value instanceof Collection<?> collection) {
			beginArray();
			for (Object element : collection) {
				value(element);
			}
			endArray();
		}
		else if (value instanceof Object[] array) {
			beginArray();
			for (Object element : array) {
				value(element);
			}
			endArray();
		}
		else {
			value(value.toString());
		}
		return this;
	}

	private void separate() {
		if (this.comma) {
			this.out.append(',');
		}
	}

	private void string(String text) {
		StringBuilder out = this.out;
		out.append('"');
		int length = text.length();
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					// Control characters, and line separators that break JavaScript
					// readers.
					if (c < 0x20 || c == '\u2028' || c == '\u2029') {
						out.append("\\u00").append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
						if (c > 0xFF) {
							out.setLength(out.length() - 4);
							out.append(HEX[(c >> 12) & 0xF])
								.append(HEX[(c >> 8) & 0xF])
								.append(HEX[(c >> 4) & 0xF])
								.append(HEX[c & 0xF]);
						}
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}

	/**
	 * A value that knows how to write itself.
	 */
	interface JsonValue {

		void writeTo(JsonWriter writer);

	}

}
