package dev.faultline.query;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A position in the total order of a query's rows, in Sentry's cursor form
 * {@code value:offset:is_prev} (the {@code cursor} of its {@code Link} header).
 *
 * <p>
 * Two kinds, as Sentry has them:
 * <ul>
 * <li>an <em>offset cursor</em> has no key ({@code value} is {@code 0}): the page starts
 * {@code offset} rows after the first row; {@code is_prev} is ignored (Sentry's offset
 * paginator does so too). Old links ({@code 0:100:0}) stay valid.</li>
 * <li>a <em>key cursor</em> holds the values of every sort key ({@link Query#sortKeys()})
 * of one row, the boundary: forward ({@code is_prev} 0) the page holds the rows strictly
 * after it, backward ({@code is_prev} 1) the rows strictly before it; {@code offset} more
 * rows are skipped (0 in the cursors this model hands out, because the sort keys end with
 * a unique tie-breaker). A store seeks to the key instead of counting rows, so a deep
 * page costs what the first one does, and rows written meanwhile never shift a page.</li>
 * </ul>
 *
 * <p>
 * The key travels as base64url text (no {@code :}, safe in a URL) of typed values, so a
 * cursor is opaque to clients but checked against the query it is used with
 * ({@link #fits}): a key of another shape (other number or types of sort keys) is
 * refused, never misread. Clients drop the cursor when they change the query (Sentry's
 * and ours).
 *
 * @param key the boundary row's sort key values (String, Long, Double, Instant or null),
 * empty for an offset cursor
 * @param offset rows to skip, 0 or more
 * @param previous whether the page lies before the key (Sentry's {@code is_prev})
 */
public record Cursor(List<@Nullable Object> key, int offset, boolean previous) {

	/** The first page. */
	public static final Cursor FIRST = new Cursor(List.of(), 0, false);

	/** The longest cursor text accepted: a key of long text values. */
	public static final int MAX_LENGTH = 16_384;

	public Cursor {
		Objects.requireNonNull(key, "key");
		key = Collections.unmodifiableList(new ArrayList<>(key));
		if (offset < 0) {
			throw new IllegalArgumentException("a cursor offset is 0 or more: " + offset);
		}
		for (Object value : key) {
			if (value != null && !(value instanceof String || value instanceof Long || value instanceof Double
					|| value instanceof Instant)) {
				throw new IllegalArgumentException("not a key value: " + value.getClass().getSimpleName());
			}
		}
	}

	/**
	 * Returns an offset cursor.
	 * @param offset rows to skip from the first row
	 * @return the cursor
	 */
	public static Cursor ofOffset(int offset) {
		return new Cursor(List.of(), offset, false);
	}

	/**
	 * Returns a key cursor with offset 0.
	 * @param key the boundary row's sort key values
	 * @param previous whether the page lies before the key
	 * @return the cursor
	 */
	public static Cursor ofKey(List<@Nullable Object> key, boolean previous) {
		return new Cursor(key, 0, previous);
	}

	/**
	 * Returns whether this cursor seeks to a key (rather than counting rows).
	 * @return true for a key cursor
	 */
	public boolean keyed() {
		return !this.key.isEmpty();
	}

	/**
	 * Returns whether this key cursor can position rows whose sort keys have these types:
	 * as many values, each null or of its type's Java class.
	 * @param types the sort key types, in order
	 * @return true for an offset cursor, or a key cursor of that shape
	 */
	public boolean fits(List<FieldType> types) {
		if (!keyed()) {
			return true;
		}
		if (types.size() != this.key.size()) {
			return false;
		}
		for (int i = 0; i < types.size(); i++) {
			Object value = this.key.get(i);
			boolean fits = value == null || switch (types.get(i)) {
				case STRING -> value instanceof String;
				case INTEGER -> value instanceof Long;
				case NUMBER, DURATION -> value instanceof Double;
				case DATE -> value instanceof Instant;
			};
			if (!fits) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Reads Sentry's form {@code value:offset:is_prev}.
	 * @param text the cursor text
	 * @return the cursor
	 * @throws IllegalArgumentException when the text is not a cursor this model wrote
	 */
	public static Cursor parse(String text) {
		if (text.length() > MAX_LENGTH) {
			throw new IllegalArgumentException("cursor longer than " + MAX_LENGTH + " characters");
		}
		int first = text.indexOf(':');
		int second = (first < 0) ? -1 : text.indexOf(':', first + 1);
		if (second < 0 || text.indexOf(':', second + 1) >= 0) {
			throw new IllegalArgumentException("a cursor is value:offset:is_prev");
		}
		String value = text.substring(0, first);
		int offset = parseOffset(text.substring(first + 1, second));
		String previous = text.substring(second + 1);
		if (!previous.equals("0") && !previous.equals("1")) {
			throw new IllegalArgumentException("is_prev is 0 or 1: " + previous);
		}
		List<@Nullable Object> key = value.equals("0") ? List.of() : KeyCodec.decode(value);
		return new Cursor(key, offset, previous.equals("1"));
	}

	private static int parseOffset(String text) {
		if (text.isEmpty() || text.length() > 9) {
			throw new IllegalArgumentException("an offset is 1 to 9 digits: " + text);
		}
		int offset = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				throw new IllegalArgumentException("an offset is 1 to 9 digits: " + text);
			}
			offset = offset * 10 + (c - '0');
		}
		return offset;
	}

	/**
	 * Returns Sentry's form, {@code value:offset:is_prev}: {@code 0:100:0} for an offset
	 * cursor.
	 */
	@Override
	public String toString() {
		String value = keyed() ? KeyCodec.encode(this.key) : "0";
		return value + ":" + this.offset + ":" + (this.previous ? "1" : "0");
	}

	/**
	 * The key's text: base64url (without padding) of the UTF-8 of each value as a type
	 * letter and its text — {@code n} (null), {@code s<length>:<chars>},
	 * {@code i<long>;}, {@code d<double>;}, {@code t<epoch millis>;}. Length-prefixed
	 * text needs no escaping; reading is one pass.
	 */
	private static final class KeyCodec {

		static String encode(List<@Nullable Object> key) {
			StringBuilder text = new StringBuilder();
			for (Object value : key) {
				if (value == null) {
					text.append('n');
				}
				else if (value instanceof String string) {
					text.append('s').append(string.length()).append(':').append(string);
				}
				else if (value instanceof Long number) {
					text.append('i').append(number).append(';');
				}
				else if (value instanceof Double number) {
					text.append('d').append(number).append(';');
				}
				else {
					text.append('t').append(((Instant) value).toEpochMilli()).append(';');
				}
			}
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
		}

		static List<@Nullable Object> decode(String value) {
			String text;
			try {
				text = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("a cursor value is 0 or a key", ex);
			}
			List<@Nullable Object> key = new ArrayList<>();
			int at = 0;
			while (at < text.length()) {
				char type = text.charAt(at++);
				if (type == 'n') {
					key.add(null);
					continue;
				}
				if (type == 's') {
					int colon = text.indexOf(':', at);
					int length = (colon < 0) ? -1 : parseLength(text.substring(at, colon));
					if (length < 0 || colon + 1 + length > text.length()) {
						throw new IllegalArgumentException("malformed text in a cursor key");
					}
					key.add(text.substring(colon + 1, colon + 1 + length));
					at = colon + 1 + length;
					continue;
				}
				int end = text.indexOf(';', at);
				if (end < 0) {
					throw new IllegalArgumentException("malformed cursor key");
				}
				String number = text.substring(at, end);
				at = end + 1;
				try {
					key.add(switch (type) {
						case 'i' -> Long.parseLong(number);
						case 'd' -> Double.parseDouble(number);
						case 't' -> Instant.ofEpochMilli(Long.parseLong(number));
						default -> throw new IllegalArgumentException("unknown value type in a cursor key: " + type);
					});
				}
				catch (NumberFormatException | java.time.DateTimeException ex) {
					throw new IllegalArgumentException("malformed number in a cursor key", ex);
				}
			}
			if (key.isEmpty()) {
				throw new IllegalArgumentException("empty cursor key");
			}
			return key;
		}

		private static int parseLength(String digits) {
			if (digits.isEmpty() || digits.length() > 5) {
				return -1;
			}
			int length = 0;
			for (int i = 0; i < digits.length(); i++) {
				char c = digits.charAt(i);
				if (c < '0' || c > '9') {
					return -1;
				}
				length = length * 10 + (c - '0');
			}
			return length;
		}

	}

}
