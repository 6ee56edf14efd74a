package dev.faultline.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads Sentry's field strings — the {@code field} and {@code sort} parameters of its
 * events, stats and dashboard endpoints — into the query model over one dataset:
 * <ul>
 * <li>a declared column by name or alias ({@code user.email}, {@code event.id});</li>
 * <li>a tag: {@code tags[key]}, or any other bare name (Sentry's rule: a name that is no
 * column is a tag);</li>
 * <li>a function call: {@code count()}, {@code count_unique(f)}, {@code avg(f)},
 * {@code sum(f)}, {@code min(f)}, {@code max(f)}, {@code p50(f)}…{@code p100(f)},
 * {@code percentile(f, 0.99)}, {@code any(f)}, {@code last_seen()}, {@code first_seen()};
 * the performance functions {@code epm()}, {@code tpm()}, {@code eps()}, {@code tps()},
 * {@code count_if(f, operator, value)}, {@code failure_rate()}, {@code failure_count()},
 * {@code apdex(T)}, {@code count_miserable(user, T)}, {@code user_misery(T)} and
 * {@code count_web_vitals(measurements.x, quality)}, which read the dataset's status,
 * duration and user columns without naming them ({@link Aggregate});</li>
 * <li>for a sort, {@code -} before a field for descending order.</li>
 * </ul>
 * A string that is none of these fails with a {@link FieldSyntaxException} naming the
 * reason and the position.
 *
 * <p>
 * One pass over each string (no regular expression, so no input can make parsing slow); a
 * field string is at most {@link #MAX_LENGTH} characters. Stateless and thread-safe.
 */
public final class FieldParser {

	/** The longest field string read. */
	public static final int MAX_LENGTH = 512;

	private final Dataset dataset;

	public FieldParser(Dataset dataset) {
		this.dataset = Objects.requireNonNull(dataset, "dataset");
	}

	/**
	 * Reads one field string.
	 * @param text the field string, as the client sent it
	 * @return the expression, with the text it was read from
	 * @throws FieldSyntaxException when the text is not a field of this dataset
	 */
	public RequestedField parse(String text) {
		return new RequestedField(text, expression(text, text, 0));
	}

	/**
	 * Reads a sort string: a field string, with {@code -} first for descending.
	 * @param text the sort string
	 * @return the order
	 * @throws FieldSyntaxException when the rest is not a field of this dataset
	 */
	public Order parseOrder(String text) {
		boolean descending = text.startsWith("-");
		int start = descending ? 1 : 0;
		return new Order(expression(text, text.substring(start), start), descending);
	}

	/**
	 * Reads {@code part}, which starts at {@code offset} in {@code whole} (positions in
	 * errors count in {@code whole}).
	 */
	private Expression expression(String whole, String part, int offset) {
		if (part.length() > MAX_LENGTH) {
			throw new FieldSyntaxException(FieldSyntaxException.Reason.MALFORMED, whole, offset,
					"longer than " + MAX_LENGTH + " characters");
		}
		if (part.isEmpty()) {
			throw new FieldSyntaxException(FieldSyntaxException.Reason.MALFORMED, whole, offset, "empty field");
		}
		if (part.startsWith(Equation.PREFIX)) {
			int start = offset + Equation.PREFIX.length();
			return new EquationParser(whole, part.substring(Equation.PREFIX.length()), start,
					(operand, at) -> operand(whole, operand, at))
				.parse();
		}
		if (part.startsWith("tags[")) {
			return tag(whole, part, offset);
		}
		int open = part.indexOf('(');
		if (open < 0) {
			return plain(whole, part, offset);
		}
		return call(whole, part, offset, open);
	}

	/** An equation's operand: a field string that is no equation itself. */
	private Expression operand(String whole, String part, int offset) {
		if (part.startsWith(Equation.PREFIX)) {
			throw new FieldSyntaxException(FieldSyntaxException.Reason.MALFORMED, whole, offset,
					"equations do not nest");
		}
		return expression(whole, part, offset);
	}

	private static Expression tag(String whole, String part, int offset) {
		int close = part.indexOf(']');
		if (close != part.length() - 1) {
			throw new FieldSyntaxException(FieldSyntaxException.Reason.MALFORMED, whole,
					offset + ((close < 0) ? part.length() : close + 1), "a tag is tags[key]");
		}
		String key = part.substring("tags[".length(), close);
		int comma = key.indexOf(',');
		if (comma >= 0) {
			throw new FieldSyntaxException(FieldSyntaxException.Reason.WRONG_ARGUMENT_TYPE, whole,
					offset + "tags[".length() + comma, "only text tags are stored");
		}
		if (key.isEmpty()) {
			throw new FieldSyntaxException(FieldSyntaxException.Reason.MALFORMED, whole, offset + "tags[".length(),
					"a tag has a key");
		}
		return Expression.tag(key);
	}

	/**
	 * A bare name: a declared column, else a tag of that key.
	 */
	private Expression plain(String whole, String name, int offset) {
		for (int i = 0; i < name.length(); i++) {
			if (!nameCharacter(name.charAt(i))) {
				throw new FieldSyntaxException(FieldSyntaxException.Reason.MALFORMED, whole, offset + i,
						"unexpected character '" + name.charAt(i) + "'");
			}
		}
		return this.dataset.find(name).<Expression>map(Expression.Field::new).orElseGet(() -> Expression.tag(name));
	}

	private Expression call(String whole, String part, int offset, int open) {
		String name = part.substring(0, open);
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
				throw new FieldSyntaxException(FieldSyntaxException.Reason.MALFORMED, whole, offset + i,
						"unexpected character '" + c + "' in a function name");
			}
		}
		if (name.isEmpty()) {
			throw new FieldSyntaxException(FieldSyntaxException.Reason.MALFORMED, whole, offset,
					"a function has a name");
		}
		if (part.charAt(part.length() - 1) != ')') {
			throw new FieldSyntaxException(FieldSyntaxException.Reason.MALFORMED, whole, offset + part.length(),
					"expected ')' at the end");
		}
		List<Argument> arguments = arguments(whole, part.substring(open + 1, part.length() - 1), offset + open + 1);
		return switch (name) {
			case "count" -> noArgument(whole, offset, name, arguments, Aggregate.count());
			case "last_seen" -> noArgument(whole, offset, name, arguments, Aggregate.lastSeen());
			case "first_seen" -> noArgument(whole, offset, name, arguments, Aggregate.firstSeen());
			case "count_unique" -> aggregate(whole, offset, Function.COUNT_UNIQUE, arguments, false);
			case "any" -> aggregate(whole, offset, Function.ANY, arguments, false);
			case "avg" -> aggregate(whole, offset, Function.AVG, arguments, true);
			case "sum" -> aggregate(whole, offset, Function.SUM, arguments, true);
			case "min" -> aggregate(whole, offset, Function.MIN, arguments, true);
			case "max" -> aggregate(whole, offset, Function.MAX, arguments, true);
			case "p50", "p75", "p90", "p95", "p99", "p100" ->
				percentile(whole, offset, name, arguments, Integer.parseInt(name.substring(1)) / 100.0);
			case "percentile" -> percentile(whole, offset, name, arguments, -1);
			case "epm" -> rate(whole, name, arguments, Function.EPM);
			case "tpm" -> rate(whole, name, arguments, Function.TPM);
			case "eps" -> rate(whole, name, arguments, Function.EPS);
			case "tps" -> rate(whole, name, arguments, Function.TPS);
			case "count_if" -> countIf(whole, offset, arguments);
			case "failure_rate" -> failures(whole, offset, name, arguments, Function.FAILURE_RATE);
			case "failure_count" -> failures(whole, offset, name, arguments, Function.FAILURE_COUNT);
			case "apdex" -> apdex(whole, offset, arguments);
			case "count_miserable" -> misery(whole, offset, arguments, Function.COUNT_MISERABLE);
			case "user_misery" -> misery(whole, offset, arguments, Function.USER_MISERY);
			case "count_web_vitals" -> countWebVitals(whole, offset, arguments);
			default -> throw new FieldSyntaxException(FieldSyntaxException.Reason.UNKNOWN_FUNCTION, whole, offset,
					"unknown function " + name + "()");
		};
	}

	/**
	 * {@code epm()}…: Sentry also accepts an interval argument, which the bucket decides
	 * here.
	 */
	private static Expression rate(String whole, String name, List<Argument> arguments, Function function) {
		if (arguments.size() > 1) {
			throw new FieldSyntaxException(FieldSyntaxException.Reason.WRONG_ARGUMENT_COUNT, whole,
					arguments.get(1).position(), name + "() takes no argument");
		}
		return Aggregate.rate(function);
	}

	/** {@code count_if(column, operator, value)} with Sentry's operator names. */
	private Expression countIf(String whole, int offset, List<Argument> arguments) {
		if (arguments.size() != 3) {
			throw new FieldSyntaxException(FieldSyntaxException.Reason.WRONG_ARGUMENT_COUNT, whole, offset,
					"count_if() takes a column, an operator and a value, not " + arguments.size() + " arguments");
		}
		Expression column = read(whole, arguments.get(0), false);
		Argument operatorArgument = arguments.get(1);
		Condition.Operator operator = switch (operatorArgument.text()) {
			case "equals" -> Condition.Operator.EQUALS;
			case "notEquals" -> Condition.Operator.NOT_EQUALS;
			case "less" -> Condition.Operator.LESS;
			case "lessOrEquals" -> Condition.Operator.LESS_OR_EQUAL;
			case "greater" -> Condition.Operator.GREATER;
			case "greaterOrEquals" -> Condition.Operator.GREATER_OR_EQUAL;
			default -> throw new FieldSyntaxException(FieldSyntaxException.Reason.WRONG_ARGUMENT_TYPE, whole,
					operatorArgument.position(), "an operator is one of equals, notEquals, less, lessOrEquals, "
							+ "greater, greaterOrEquals, not " + operatorArgument.text());
		};
		Argument valueArgument = arguments.get(2);
		Object value = switch (column.type()) {
			case STRING -> valueArgument.text();
			case INTEGER -> (long) number(whole, valueArgument, true);
			case NUMBER, DURATION -> number(whole, valueArgument, false);
			case DATE -> throw new FieldSyntaxException(FieldSyntaxException.Reason.FUNCTION_NOT_ALLOWED, whole,
					arguments.get(0).position(), "count_if() cannot compare dates");
		};
		String parameters = column.name() + "," + operatorArgument.text() + "," + valueArgument.text();
		try {
			return Aggregate.countIf(column, operator, value, parameters);
		}
		catch (IllegalArgumentException ex) {
			throw new FieldSyntaxException(FieldSyntaxException.Reason.FUNCTION_NOT_ALLOWED, whole,
					operatorArgument.position(), "count_if(): " + ex.getMessage());
		}
	}

	/**
	 * {@code failure_rate()}, {@code failure_count()}: over the dataset's status column.
	 */
	private Expression failures(String whole, int offset, String name, List<Argument> arguments, Function function) {
		if (!arguments.isEmpty()) {
			throw new FieldSyntaxException(FieldSyntaxException.Reason.WRONG_ARGUMENT_COUNT, whole,
					arguments.get(0).position(), name + "() takes no argument");
		}
		return Aggregate.failures(function, implied(whole, offset, name, STATUS_COLUMNS));
	}

	/** {@code apdex(T)}, {@code apdex()} (T = {@link #DEFAULT_APDEX_THRESHOLD}). */
	private Expression apdex(String whole, int offset, List<Argument> arguments) {
		if (arguments.size() > 1) {
			throw new FieldSyntaxException(FieldSyntaxException.Reason.WRONG_ARGUMENT_COUNT, whole, offset,
					"apdex() takes a threshold in milliseconds");
		}
		double threshold = arguments.isEmpty() ? DEFAULT_APDEX_THRESHOLD : threshold(whole, arguments.get(0));
		return Aggregate.apdex(implied(whole, offset, "apdex", DURATION_COLUMNS), threshold);
	}

	/** {@code count_miserable(user, T)}, {@code user_misery(T)}. */
	private Expression misery(String whole, int offset, List<Argument> arguments, Function function) {
		boolean counts = function == Function.COUNT_MISERABLE;
		int maximum = counts ? 2 : 1;
		if (arguments.size() > maximum || (counts && arguments.isEmpty())) {
			throw new FieldSyntaxException(FieldSyntaxException.Reason.WRONG_ARGUMENT_COUNT, whole, offset,
					function.sentryName() + "() takes " + (counts ? "a user column and " : "") + "a threshold");
		}
		Expression user = counts ? read(whole, arguments.get(0), true)
				: implied(whole, offset, function.sentryName(), List.of("user"));
		List<Argument> rest = counts ? arguments.subList(1, arguments.size()) : arguments;
		double threshold = rest.isEmpty() ? DEFAULT_APDEX_THRESHOLD : threshold(whole, rest.get(0));
		return Aggregate.misery(function, user, implied(whole, offset, function.sentryName(), DURATION_COLUMNS),
				threshold);
	}

	/** {@code count_web_vitals(measurements.x, quality)}. */
	private Expression countWebVitals(String whole, int offset, List<Argument> arguments) {
		if (arguments.size() != 2) {
			throw new FieldSyntaxException(FieldSyntaxException.Reason.WRONG_ARGUMENT_COUNT, whole, offset,
					"count_web_vitals() takes a measurement and a quality");
		}
		Argument vitalArgument = arguments.get(0);
		Expression vital = read(whole, vitalArgument, true);
		String name = vitalArgument.text().startsWith("measurements.")
				? vitalArgument.text().substring("measurements.".length()) : vitalArgument.text();
		if (!WebVitals.THRESHOLDS.containsKey(name)) {
			throw new FieldSyntaxException(FieldSyntaxException.Reason.FUNCTION_NOT_ALLOWED, whole,
					vitalArgument.position(), "count_web_vitals() reads one of the measurements "
							+ WebVitals.THRESHOLDS.keySet().stream().sorted().toList());
		}
		Argument quality = arguments.get(1);
		if (!WebVitals.QUALITIES.contains(quality.text())) {
			throw new FieldSyntaxException(FieldSyntaxException.Reason.WRONG_ARGUMENT_TYPE, whole, quality.position(),
					"a quality is one of " + WebVitals.QUALITIES + ", not " + quality.text());
		}
		try {
			return Aggregate.countWebVitals(vital, name, quality.text());
		}
		catch (IllegalArgumentException ex) {
			throw new FieldSyntaxException(FieldSyntaxException.Reason.FUNCTION_NOT_ALLOWED, whole,
					vitalArgument.position(), "count_web_vitals(): " + ex.getMessage());
		}
	}

	/**
	 * The first of {@code candidates} the dataset has: the column a function reads
	 * without naming it.
	 */
	private Expression implied(String whole, int offset, String name, List<String> candidates) {
		for (String candidate : candidates) {
			java.util.Optional<Column> column = this.dataset.find(candidate);
			if (column.isPresent()) {
				return new Expression.Field(column.get());
			}
		}
		throw new FieldSyntaxException(FieldSyntaxException.Reason.FUNCTION_NOT_ALLOWED, whole, offset, name
				+ "() needs " + String.join(" or ", candidates) + ", which " + this.dataset.name() + " does not have");
	}

	private static double threshold(String whole, Argument argument) {
		double threshold = number(whole, argument, false);
		if (!(threshold > 0)) {
			throw new FieldSyntaxException(FieldSyntaxException.Reason.WRONG_ARGUMENT_TYPE, whole, argument.position(),
					"a threshold is a positive number of milliseconds, not " + argument.text());
		}
		return threshold;
	}

	/** A decimal number: digits with at most one dot, an optional minus first. */
	private static double number(String whole, Argument argument, boolean integer) {
		String text = argument.text();
		int start = text.startsWith("-") ? 1 : 0;
		boolean valid = text.length() > start && text.length() <= 30 && !text.substring(start).equals(".");
		int dots = 0;
		for (int i = start; i < text.length() && valid; i++) {
			char c = text.charAt(i);
			dots += (c == '.') ? 1 : 0;
			valid = (c >= '0' && c <= '9') || (c == '.' && !integer);
		}
		if (!valid || dots > 1) {
			throw new FieldSyntaxException(FieldSyntaxException.Reason.WRONG_ARGUMENT_TYPE, whole, argument.position(),
					"expected " + (integer ? "a whole number" : "a number") + ", not " + text);
		}
		double value = Double.parseDouble(text);
		if (integer && Math.abs(value) > 9e15) {
			throw new FieldSyntaxException(FieldSyntaxException.Reason.WRONG_ARGUMENT_TYPE, whole, argument.position(),
					"number out of range: " + text);
		}
		return value;
	}

	private static Expression noArgument(String whole, int offset, String name, List<Argument> arguments,
			Aggregate aggregate) {
		if (!arguments.isEmpty()) {
			throw new FieldSyntaxException(FieldSyntaxException.Reason.WRONG_ARGUMENT_COUNT, whole,
					arguments.get(0).position(), name + "() takes no argument");
		}
		return aggregate;
	}

	private Expression aggregate(String whole, int offset, Function function, List<Argument> arguments,
			boolean columnOnly) {
		if (arguments.size() != 1) {
			throw new FieldSyntaxException(FieldSyntaxException.Reason.WRONG_ARGUMENT_COUNT, whole, offset,
					function.sentryName() + "() takes one argument, not " + arguments.size());
		}
		Argument argument = arguments.get(0);
		return apply(whole, argument, function.sentryName(), (read) -> Aggregate.of(function, read),
				read(whole, argument, columnOnly));
	}

	private Expression percentile(String whole, int offset, String name, List<Argument> arguments, double fixed) {
		int expected = (fixed < 0) ? 2 : 1;
		if (arguments.size() != expected) {
			throw new FieldSyntaxException(FieldSyntaxException.Reason.WRONG_ARGUMENT_COUNT, whole, offset,
					name + "() takes " + ((expected == 1) ? "one argument" : "a column and a level") + ", not "
							+ arguments.size());
		}
		double quantile = (fixed < 0) ? level(whole, arguments.get(1)) : fixed;
		Argument argument = arguments.get(0);
		return apply(whole, argument, name, (read) -> Aggregate.percentile(read, quantile),
				read(whole, argument, true));
	}

	/**
	 * Builds the aggregate; a column it cannot read is refused at the argument.
	 */
	private static Expression apply(String whole, Argument argument, String name,
			java.util.function.Function<Expression, Aggregate> build, Expression read) {
		try {
			return build.apply(read);
		}
		catch (IllegalArgumentException ex) {
			throw new FieldSyntaxException(FieldSyntaxException.Reason.FUNCTION_NOT_ALLOWED, whole, argument.position(),
					name + "() cannot read " + read.name() + " (" + read.type().metaName() + "): " + ex.getMessage());
		}
	}

	/**
	 * A function's argument: a declared column, or (unless {@code columnOnly}) a tag.
	 */
	private Expression read(String whole, Argument argument, boolean columnOnly) {
		Expression read = expression(whole, argument.text(), argument.position());
		if (read instanceof Aggregate) {
			throw new FieldSyntaxException(FieldSyntaxException.Reason.WRONG_ARGUMENT_TYPE, whole, argument.position(),
					"functions do not nest");
		}
		if (columnOnly && read instanceof Expression.Tag) {
			throw new FieldSyntaxException(FieldSyntaxException.Reason.UNKNOWN_FIELD, whole, argument.position(),
					argument.text() + " is not a column of " + this.dataset.name());
		}
		return read;
	}

	private static double level(String whole, Argument argument) {
		String text = argument.text();
		boolean digits = !text.isEmpty();
		int dots = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			dots += (c == '.') ? 1 : 0;
			digits &= (c >= '0' && c <= '9') || c == '.';
		}
		double level = (digits && dots <= 1 && !text.equals(".")) ? Double.parseDouble(text) : Double.NaN;
		if (!(level >= 0 && level <= 1)) {
			throw new FieldSyntaxException(FieldSyntaxException.Reason.WRONG_ARGUMENT_TYPE, whole, argument.position(),
					"a percentile level is a number from 0 to 1, not " + text);
		}
		return level;
	}

	/**
	 * Splits the text between the parentheses at commas, trimming spaces; none for an
	 * empty text.
	 */
	private static List<Argument> arguments(String whole, String text, int offset) {
		List<Argument> arguments = new ArrayList<>();
		if (text.isBlank()) {
			return arguments;
		}
		int start = 0;
		for (int i = 0; i <= text.length(); i++) {
			char c = (i < text.length()) ? text.charAt(i) : ',';
			if (c == '(' || c == ')') {
				throw new FieldSyntaxException(FieldSyntaxException.Reason.MALFORMED, whole, offset + i,
						"unexpected '" + c + "'");
			}
			if (c == ',') {
				int from = start;
				int to = i;
				while (from < to && text.charAt(from) == ' ') {
					from++;
				}
				while (to > from && text.charAt(to - 1) == ' ') {
					to--;
				}
				if (from == to) {
					throw new FieldSyntaxException(FieldSyntaxException.Reason.MALFORMED, whole, offset + from,
							"empty argument");
				}
				arguments.add(new Argument(text.substring(from, to), offset + from));
				start = i + 1;
			}
		}
		return arguments;
	}

	/** The status columns {@code failure_rate()} reads, by dataset. */
	private static final List<String> STATUS_COLUMNS = List.of("transaction.status", "span.status");

	/** The duration columns {@code apdex()} and user misery read, by dataset. */
	private static final List<String> DURATION_COLUMNS = List.of("transaction.duration", "span.duration");

	/**
	 * The Apdex threshold T when a request names none: Sentry's default project
	 * threshold, in milliseconds.
	 */
	public static final double DEFAULT_APDEX_THRESHOLD = 300;

	/** Characters of column names and tag keys written bare. */
	private static boolean nameCharacter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.'
				|| c == '-' || c == ':' || c == '@' || c == '/';
	}

	/**
	 * One argument of a call and where it starts in the whole field string.
	 */
	private record Argument(String text, int position) {

	}

}
