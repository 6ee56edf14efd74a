package dev.faultline.core.search;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.faultline.core.text.ClientPatterns;

/**
 * Parses Sentry's issue search syntax into a {@link SearchQuery}.
 *
 * <p>
 * Terms are separated by whitespace and ANDed: {@code key:value} filters (a leading
 * {@code !} negates), {@code has:key} / {@code !has:key}, and free text (bare words and
 * {@code "quoted phrases"}). Values are bare, {@code "quoted"} ({@code \"} and {@code \\}
 * escape), or lists {@code [a, "b c"]}. An unescaped {@code *} in a text value is a
 * wildcard; {@code \*} is a star. Numbers ({@code timesSeen}) and times
 * ({@code firstSeen}, {@code lastSeen}, {@code timestamp}) take {@code > >= < <= = !=};
 * times are relative ({@code -24h}: within the last 24 hours, {@code +30d}: more than 30
 * days ago; units m, h, d, w) or absolute ({@code 2026-11-24},
 * {@code 2026-11-24T10:00:00Z}). An absolute time without operator is a range: the whole
 * UTC day of a date, five minutes either side of a timestamp (a time read off a page is
 * rounded).
 *
 * <p>
 * Relative times resolve against the clock given to the constructor, read once per parse.
 * Thread-safe. Fails with {@link SearchSyntaxException} naming the 0-based position.
 */
public final class SearchParser {

	/**
	 * The longest query accepted: a bound on the work a request can cause.
	 */
	public static final int MAX_LENGTH = 4096;

	private static final Pattern RELATIVE = ClientPatterns.SEARCH_RELATIVE.jdk();

	private static final Pattern DATE = ClientPatterns.SEARCH_DATE.jdk();

	private static final Pattern NUMBER = ClientPatterns.SEARCH_NUMBER.jdk();

	private static final Duration TIMESTAMP_SLACK = Duration.ofMinutes(5);

	private final Clock clock;

	/**
	 * Creates a parser resolving relative times against {@code clock}.
	 * @param clock the clock; {@code Clock.systemUTC()} in production
	 */
	public SearchParser(Clock clock) {
		this.clock = Objects.requireNonNull(clock, "clock");
	}

	/**
	 * Parses a query.
	 * @param text the query as typed; blank means every issue
	 * @return the terms in query order
	 * @throws SearchSyntaxException when the text does not follow the syntax
	 */
	public SearchQuery parse(String text) {
		Objects.requireNonNull(text, "text");
		if (text.length() > MAX_LENGTH) {
			throw new SearchSyntaxException(MAX_LENGTH, "query is longer than " + MAX_LENGTH + " characters");
		}
		return new Run(text, this.clock.instant()).query();
	}

	/**
	 * A value as written, before it is typed by its key.
	 *
	 * @param text the unescaped text ({@code *} kept, for numbers and times)
	 * @param parts the text split at unescaped stars
	 * @param quoted whether it was quoted (then no operator is read from it)
	 * @param start the position of its first character
	 */
	private record Raw(String text, List<String> parts, boolean quoted, int start) {

	}

	/**
	 * One parse: the text and a cursor.
	 */
	private static final class Run {

		private final String text;

		private final Instant now;

		private int pos;

		Run(String text, Instant now) {
			this.text = text;
			this.now = now;
		}

		SearchQuery query() {
			List<SearchTerm> terms = new ArrayList<>();
			skipSpace();
			while (!atEnd()) {
				SearchTerm term = term();
				if (term != null) {
					terms.add(term);
				}
				if (!atEnd() && !Character.isWhitespace(peek())) {
					throw error(this.pos, "expected a space after the value");
				}
				skipSpace();
			}
			return new SearchQuery(terms);
		}

		private SearchTerm term() {
			int start = this.pos;
			boolean negated = peek() == '!';
			int keyStart = negated ? start + 1 : start;
			SearchKey key;
			int colon;
			if (this.text.startsWith("tags[", keyStart)) {
				int close = this.text.indexOf(']', keyStart);
				if (close < 0) {
					throw error(keyStart, "unterminated tags[");
				}
				String name = this.text.substring(keyStart + 5, close);
				if (name.isEmpty()) {
					throw error(keyStart + 5, "empty tag name in tags[]");
				}
				if (!isTagName(name)) {
					throw error(keyStart + 5, "bad tag name '" + name + "'");
				}
				colon = close + 1;
				if (charAt(colon) != ':') {
					throw error(colon, "expected ':' after tags[" + name + "]");
				}
				key = SearchKey.tag(name);
			}
			else {
				int end = keyStart;
				while (end < this.text.length() && isKeyChar(this.text.charAt(end))) {
					end++;
				}
				if (end == keyStart || charAt(end) != ':') {
					return freeText();
				}
				colon = end;
				String written = this.text.substring(keyStart, end);
				if (written.equals("has")) {
					this.pos = colon + 1;
					return has(negated);
				}
				key = SearchKey.of(written);
			}
			this.pos = colon + 1;
			return filter(key, negated);
		}

		private Has has(boolean negated) {
			int start = this.pos;
			if (this.text.startsWith("tags[", start)) {
				int close = this.text.indexOf(']', start);
				String name = (close < 0) ? "" : this.text.substring(start + 5, close);
				if (close < 0 || !isTagName(name)) {
					throw error(start, "has: takes a field or tag name");
				}
				this.pos = close + 1;
				return new Has(SearchKey.tag(name), negated);
			}
			int end = start;
			while (end < this.text.length() && isKeyChar(this.text.charAt(end))) {
				end++;
			}
			if (end == start) {
				throw error(start, atEnd(start) ? "empty value for has:" : "has: takes a field or tag name");
			}
			this.pos = end;
			return new Has(SearchKey.of(this.text.substring(start, end)), negated);
		}

		private Filter filter(SearchKey key, boolean negated) {
			int start = this.pos;
			if (atEnd() || Character.isWhitespace(peek())) {
				throw error(start, "empty value for " + key + ":");
			}
			if (peek() == '[') {
				if (key.kind() != SearchKey.Kind.TEXT) {
					throw error(start, key + ": takes one value, not a list");
				}
				return new Filter(key, Operator.IN, list(), negated);
			}
			Raw raw = (peek() == '"') ? quoted() : bare();
			return switch (key.kind()) {
				case IS -> isFilter(key, raw, negated);
				case NUMBER -> numberFilter(key, raw, negated);
				case TIME -> timeFilter(key, raw, negated);
				case TEXT -> textFilter(key, raw, negated);
			};
		}

		private Filter isFilter(SearchKey key, Raw raw, boolean negated) {
			if (raw.parts().size() > 1) {
				throw error(raw.start(), "is: takes no wildcards");
			}
			IsQualifier qualifier = IsQualifier.fromText(raw.text())
				.orElseThrow(() -> error(raw.start(),
						"unknown is: value '" + raw.text()
								+ "' (expected unresolved, resolved, ignored, archived, assigned, unassigned, "
								+ "bookmarked, for_review, linked or unlinked)"));
			return new Filter(key, Operator.EQUALS, new SearchValue.Is(qualifier), negated);
		}

		private Filter numberFilter(SearchKey key, Raw raw, boolean negated) {
			int length = raw.quoted() ? 0 : operatorLength(raw);
			Operator operator = raw.quoted() ? Operator.EQUALS : operator(raw, key);
			int at = raw.start() + length;
			String number = raw.text().substring(length);
			Matcher matcher = NUMBER.matcher(number);
			if (!matcher.matches()) {
				throw error(at, key + ": expected a whole number such as 10 or 10k, got '" + number + "'");
			}
			long value = Long.parseLong(matcher.group(1));
			long scale = switch (matcher.group(2)) {
				case "k", "K" -> 1_000L;
				case "m", "M" -> 1_000_000L;
				default -> 1L;
			};
			try {
				value = Math.multiplyExact(value, scale);
			}
			catch (ArithmeticException ex) {
				throw error(at, key + ": number too large");
			}
			return new Filter(key, operator, new SearchValue.Number(value), negated);
		}

		private Filter timeFilter(SearchKey key, Raw raw, boolean negated) {
			int length = raw.quoted() ? 0 : operatorLength(raw);
			Operator operator = raw.quoted() ? Operator.EQUALS : operator(raw, key);
			String value = raw.text().substring(length);
			int at = raw.start() + length;
			if (value.startsWith("-") || value.startsWith("+")) {
				if (length > 0) {
					throw error(raw.start(), "bad operator: a relative time such as " + value
							+ " takes no comparison (-24h already means within the last 24 hours)");
				}
				return relative(key, value, at, negated);
			}
			if (value.isEmpty()) {
				throw error(at, "empty value for " + key + ":");
			}
			if (DATE.matcher(value).matches()) {
				Instant day = date(value, at);
				if (operator == Operator.EQUALS || operator == Operator.NOT_EQUALS) {
					return new Filter(key, operator, new SearchValue.TimeRange(day, day.plus(Duration.ofDays(1))),
							negated);
				}
				return new Filter(key, operator, new SearchValue.Time(day), negated);
			}
			Instant instant = timestamp(value, at);
			if (operator == Operator.EQUALS || operator == Operator.NOT_EQUALS) {
				return new Filter(key, operator,
						new SearchValue.TimeRange(instant.minus(TIMESTAMP_SLACK), instant.plus(TIMESTAMP_SLACK)),
						negated);
			}
			return new Filter(key, operator, new SearchValue.Time(instant), negated);
		}

		private Filter relative(SearchKey key, String value, int at, boolean negated) {
			Matcher matcher = RELATIVE.matcher(value);
			if (!matcher.matches()) {
				throw error(at, "bad relative time '" + value + "': expected a sign, a number and a unit, "
						+ "such as -24h or +30d (units m, h, d, w)");
			}
			long amount = Long.parseLong(matcher.group(2));
			Duration duration = switch (matcher.group(3)) {
				case "m" -> Duration.ofMinutes(amount);
				case "h" -> Duration.ofHours(amount);
				case "d" -> Duration.ofDays(amount);
				default -> Duration.ofDays(amount * 7);
			};
			Instant instant;
			try {
				instant = this.now.minus(duration);
			}
			catch (DateTimeException | ArithmeticException ex) {
				throw error(at, "relative time '" + value + "' is out of range");
			}
			// Sentry: -24h is "within the last 24 hours", +24h "more than 24 hours ago".
			Operator operator = matcher.group(1).equals("-") ? Operator.GREATER_OR_EQUAL : Operator.LESS_OR_EQUAL;
			return new Filter(key, operator, new SearchValue.Time(instant), negated);
		}

		private Instant date(String value, int at) {
			try {
				return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
			}
			catch (DateTimeException ex) {
				throw error(at, "bad date '" + value + "': no such day");
			}
		}

		private Instant timestamp(String value, int at) {
			try {
				return OffsetDateTime.parse(value).toInstant();
			}
			catch (DateTimeException ex) {
				// No zone: read as UTC, the zone every stored time is in.
				try {
					return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
				}
				catch (DateTimeException ignored) {
					throw error(at, "bad time '" + value + "': expected a date (2026-11-24), an ISO-8601 "
							+ "timestamp (2026-11-24T10:00:00Z) or a relative time (-24h)");
				}
			}
		}

		private Filter textFilter(SearchKey key, Raw raw, boolean negated) {
			if (raw.quoted()) {
				return new Filter(key, Operator.EQUALS, textValue(raw.parts()), negated);
			}
			int length = operatorLength(raw);
			Operator operator = operator(raw, key);
			if (operator != Operator.EQUALS && operator != Operator.NOT_EQUALS) {
				throw error(raw.start(), "bad operator '" + operator.symbol() + "': " + key
						+ ": is text; comparisons apply to numbers and times (quote the value to search for it)");
			}
			if (length == raw.text().length()) {
				throw error(raw.start() + length, "empty value for " + key + ":");
			}
			// The operator is a prefix of the first part (an operator never holds a
			// star).
			List<String> parts = new ArrayList<>(raw.parts());
			parts.set(0, parts.get(0).substring(length));
			return new Filter(key, operator, textValue(parts), negated);
		}

		private static SearchValue textValue(List<String> parts) {
			return (parts.size() == 1) ? new SearchValue.Text(parts.get(0)) : new SearchValue.Wildcard(parts);
		}

		private int operatorLength(Raw raw) {
			String value = raw.text();
			if (value.startsWith(">=") || value.startsWith("<=") || value.startsWith("!=")) {
				return 2;
			}
			return (value.startsWith(">") || value.startsWith("<") || value.startsWith("=")) ? 1 : 0;
		}

		private Operator operator(Raw raw, SearchKey key) {
			int length = operatorLength(raw);
			String symbol = raw.text().substring(0, length);
			if (length > 0 && length < raw.text().length() && "<>=!".indexOf(raw.text().charAt(length)) >= 0) {
				int end = length;
				while (end < raw.text().length() && "<>=!".indexOf(raw.text().charAt(end)) >= 0) {
					end++;
				}
				throw error(raw.start(), "bad operator '" + raw.text().substring(0, end) + "' for " + key
						+ ": (expected >, >=, <, <=, = or !=)");
			}
			return switch (symbol) {
				case ">" -> Operator.GREATER;
				case ">=" -> Operator.GREATER_OR_EQUAL;
				case "<" -> Operator.LESS;
				case "<=" -> Operator.LESS_OR_EQUAL;
				case "!=" -> Operator.NOT_EQUALS;
				default -> Operator.EQUALS;
			};
		}

		private SearchValue.ValueList list() {
			int open = this.pos;
			this.pos++;
			List<SearchValue> values = new ArrayList<>();
			while (true) {
				skipSpace();
				if (atEnd()) {
					throw error(open, "unterminated list: missing ']'");
				}
				if (peek() == ']' || peek() == ',') {
					throw error(this.pos, "empty value in list");
				}
				Raw raw = (peek() == '"') ? quoted() : bareListItem();
				values.add(textValue(raw.parts()));
				skipSpace();
				if (atEnd()) {
					throw error(open, "unterminated list: missing ']'");
				}
				char next = peek();
				this.pos++;
				if (next == ']') {
					return new SearchValue.ValueList(values);
				}
				if (next != ',') {
					throw error(this.pos - 1, "expected ',' or ']' in list");
				}
			}
		}

		private FreeText freeText() {
			Raw raw = (peek() == '"') ? quoted() : bare();
			// A star in free text is a wildcard however it was written (see FreeText).
			String text = String.join("*", raw.parts());
			return text.isEmpty() ? null : new FreeText(text);
		}

		private Raw quoted() {
			int open = this.pos;
			this.pos++;
			StringBuilder text = new StringBuilder();
			StringBuilder part = new StringBuilder();
			List<String> parts = new ArrayList<>();
			while (true) {
				if (atEnd()) {
					throw error(open, "unterminated quote");
				}
				char c = this.text.charAt(this.pos++);
				if (c == '"') {
					parts.add(part.toString());
					return new Raw(text.toString(), parts, true, open);
				}
				if (c == '\\' && !atEnd() && "\"\\*".indexOf(peek()) >= 0) {
					char escaped = this.text.charAt(this.pos++);
					text.append(escaped);
					part.append(escaped);
				}
				else if (c == '*') {
					text.append(c);
					parts.add(part.toString());
					part.setLength(0);
				}
				else {
					text.append(c);
					part.append(c);
				}
			}
		}

		private Raw bare() {
			return unquoted(false);
		}

		private Raw bareListItem() {
			return unquoted(true);
		}

		private Raw unquoted(boolean inList) {
			int start = this.pos;
			StringBuilder text = new StringBuilder();
			StringBuilder part = new StringBuilder();
			List<String> parts = new ArrayList<>();
			while (!atEnd()) {
				char c = peek();
				if (Character.isWhitespace(c) || (inList && (c == ',' || c == ']'))) {
					break;
				}
				this.pos++;
				if (c == '\\' && !atEnd() && "\"\\*".indexOf(peek()) >= 0) {
					char escaped = this.text.charAt(this.pos++);
					text.append(escaped);
					part.append(escaped);
				}
				else if (c == '*') {
					text.append(c);
					parts.add(part.toString());
					part.setLength(0);
				}
				else {
					text.append(c);
					part.append(c);
				}
			}
			parts.add(part.toString());
			return new Raw(text.toString(), parts, false, start);
		}

		private static boolean isKeyChar(char c) {
			return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.'
					|| c == '-' || c == '@';
		}

		private static boolean isTagName(String name) {
			for (int i = 0; i < name.length(); i++) {
				char c = name.charAt(i);
				if (!isKeyChar(c) && c != ':') {
					return false;
				}
			}
			return !name.isEmpty();
		}

		private void skipSpace() {
			while (!atEnd() && Character.isWhitespace(peek())) {
				this.pos++;
			}
		}

		private boolean atEnd() {
			return this.pos >= this.text.length();
		}

		private boolean atEnd(int at) {
			return at >= this.text.length() || Character.isWhitespace(this.text.charAt(at));
		}

		private char peek() {
			return this.text.charAt(this.pos);
		}

		private char charAt(int at) {
			return (at < this.text.length()) ? this.text.charAt(at) : '\0';
		}

		private static SearchSyntaxException error(int position, String reason) {
			return new SearchSyntaxException(position, reason);
		}

	}

}
