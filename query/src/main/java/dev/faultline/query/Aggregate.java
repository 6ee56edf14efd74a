package dev.faultline.query;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A function over the rows of a group ({@link Function}), with its argument.
 *
 * <p>
 * The performance functions read their columns explicitly, so the compilers need no
 * knowledge of which column is a duration or a status: {@code apdex(300)} is
 * {@link Function#APDEX} over {@code transaction.duration} with threshold 300;
 * {@code failure_rate()} is {@link Function#FAILURE_RATE} over the status column with the
 * failure condition; {@code count_miserable(user, 300)} counts distinct {@code user}
 * values of rows meeting {@code duration > 1200}. The parser picks the columns of each
 * dataset ({@link FieldParser}).
 *
 * @param function the function
 * @param argument the column or tag it reads; null for {@code count()},
 * {@code last_seen()}, {@code first_seen()} and the rates ({@code epm()}…)
 * @param quantile for {@link Function#PERCENTILE}, the level in {@code [0, 1]}; 0
 * otherwise
 * @param threshold for {@link Function#APDEX}, {@link Function#COUNT_MISERABLE} and
 * {@link Function#USER_MISERY}, the threshold T in the argument's unit (milliseconds),
 * positive; 0 otherwise
 * @param condition the rows a conditional function counts: for {@link Function#COUNT_IF},
 * {@link Function#COUNT_WEB_VITALS}, {@link Function#FAILURE_COUNT} and
 * {@link Function#FAILURE_RATE} the counted rows, for {@link Function#COUNT_MISERABLE}
 * and {@link Function#USER_MISERY} the miserable ones; null for the other functions
 * @param parameters for the functions whose condition or threshold comes from their
 * arguments, the text between the parentheses as the name shows it ({@code 300},
 * {@code measurements.lcp,good}); empty otherwise
 */
public record Aggregate(Function function, @Nullable Expression argument, double quantile, double threshold,
		@Nullable Condition condition, String parameters) implements Expression {

	/** The statuses that are no failure (Sentry's {@code failure_rate()}). */
	public static final List<Object> NON_FAILURE_STATUSES = List.of("ok", "cancelled", "unknown");

	public Aggregate {
		Objects.requireNonNull(function, "function");
		Objects.requireNonNull(parameters, "parameters");
		if (function.takesArgument() != (argument != null)) {
			throw new IllegalArgumentException(function.sentryName()
					+ (function.takesArgument() ? "() needs an argument" : "() takes no argument"));
		}
		if (argument instanceof Aggregate || argument instanceof Equation) {
			throw new IllegalArgumentException("aggregates do not nest: " + argument.name());
		}
		if (argument != null) {
			FieldType type = argument.type();
			boolean ordered = type.numeric() || type == FieldType.DATE;
			boolean fits = switch (function) {
				case AVG, SUM, PERCENTILE, APDEX, COUNT_WEB_VITALS -> type.numeric();
				case MIN, MAX -> ordered;
				case FAILURE_COUNT, FAILURE_RATE -> type == FieldType.STRING;
				default -> true;
			};
			if (!fits) {
				throw new IllegalArgumentException(function.sentryName() + "() needs a " + switch (function) {
					case MIN, MAX -> "numeric or date";
					case FAILURE_COUNT, FAILURE_RATE -> "text";
					default -> "numeric";
				} + " column: " + argument.name());
			}
		}
		if (function == Function.PERCENTILE ? !(quantile >= 0 && quantile <= 1) : quantile != 0) {
			throw new IllegalArgumentException("a quantile in [0, 1] goes with percentile() only: " + quantile);
		}
		boolean thresholded = function == Function.APDEX || function == Function.COUNT_MISERABLE
				|| function == Function.USER_MISERY;
		if (thresholded ? !(threshold > 0 && Double.isFinite(threshold)) : threshold != 0) {
			throw new IllegalArgumentException("a positive threshold goes with apdex(), count_miserable() and "
					+ "user_misery() only: " + threshold);
		}
		boolean conditional = switch (function) {
			case COUNT_IF, COUNT_WEB_VITALS, FAILURE_COUNT, FAILURE_RATE, COUNT_MISERABLE, USER_MISERY -> true;
			default -> false;
		};
		if (conditional != (condition != null)) {
			throw new IllegalArgumentException(function.sentryName()
					+ (conditional ? "() counts the rows of a condition" : "() takes no condition"));
		}
		if (condition != null && condition.onAggregate()) {
			throw new IllegalArgumentException("a function's condition is on rows, not aggregates");
		}
	}

	/**
	 * A function without threshold or condition.
	 * @param function the function
	 * @param argument what it reads, or null
	 * @param quantile the percentile level, or 0
	 */
	public Aggregate(Function function, @Nullable Expression argument, double quantile) {
		this(function, argument, quantile, 0, null, "");
	}

	/** {@code count()}. */
	public static Aggregate count() {
		return new Aggregate(Function.COUNT, null, 0);
	}

	/** {@code last_seen()}. */
	public static Aggregate lastSeen() {
		return new Aggregate(Function.LAST_SEEN, null, 0);
	}

	/** {@code first_seen()}. */
	public static Aggregate firstSeen() {
		return new Aggregate(Function.FIRST_SEEN, null, 0);
	}

	/**
	 * A function of one argument other than {@link Function#PERCENTILE}.
	 * @param function the function
	 * @param argument what it reads
	 * @return the aggregate
	 */
	public static Aggregate of(Function function, Expression argument) {
		return new Aggregate(function, argument, 0);
	}

	/**
	 * {@code percentile(argument, quantile)}.
	 * @param argument a numeric expression
	 * @param quantile the level in {@code [0, 1]}
	 * @return the aggregate
	 */
	public static Aggregate percentile(Expression argument, double quantile) {
		return new Aggregate(Function.PERCENTILE, argument, quantile);
	}

	/**
	 * A rate: {@link Function#EPM}, {@link Function#TPM}, {@link Function#EPS} or
	 * {@link Function#TPS}.
	 * @param function the rate
	 * @return the aggregate
	 */
	public static Aggregate rate(Function function) {
		if (function != Function.EPM && function != Function.TPM && function != Function.EPS
				&& function != Function.TPS) {
			throw new IllegalArgumentException("not a rate: " + function);
		}
		return new Aggregate(function, null, 0);
	}

	/**
	 * {@code count_if(argument, operator, value)}.
	 * @param argument the compared column or tag
	 * @param operator the comparison
	 * @param value a value of the argument's type
	 * @param parameters the arguments as the name shows them
	 * ({@code transaction.duration,greater,300})
	 * @return the aggregate
	 */
	public static Aggregate countIf(Expression argument, Condition.Operator operator, Object value, String parameters) {
		return new Aggregate(Function.COUNT_IF, argument, 0, 0, new Condition.Compare(argument, operator, value),
				parameters);
	}

	/**
	 * {@code failure_rate()} or {@code failure_count()} over a status column: the rows
	 * whose status is present and none of {@link #NON_FAILURE_STATUSES}.
	 * @param function {@link Function#FAILURE_RATE} or {@link Function#FAILURE_COUNT}
	 * @param status the status column
	 * @return the aggregate
	 */
	public static Aggregate failures(Function function, Expression status) {
		if (function != Function.FAILURE_RATE && function != Function.FAILURE_COUNT) {
			throw new IllegalArgumentException("not a failure function: " + function);
		}
		Condition failed = new Condition.AllOf(List.of(new Condition.Compare(status, Condition.Operator.NOT_EQUALS, ""),
				new Condition.Not(new Condition.In(status, NON_FAILURE_STATUSES))));
		return new Aggregate(function, status, 0, 0, failed, "");
	}

	/**
	 * {@code apdex(T)} over a duration column.
	 * @param duration the duration column
	 * @param threshold T, positive, in the duration's unit
	 * @return the aggregate
	 */
	public static Aggregate apdex(Expression duration, double threshold) {
		return new Aggregate(Function.APDEX, duration, 0, threshold, null, number(threshold));
	}

	/**
	 * {@code count_miserable(user, T)} or {@code user_misery(T)}: the users with a row
	 * whose duration is above {@code 4T}.
	 * @param function {@link Function#COUNT_MISERABLE} or {@link Function#USER_MISERY}
	 * @param user the user column
	 * @param duration the duration column
	 * @param threshold T, positive, in the duration's unit
	 * @return the aggregate
	 */
	public static Aggregate misery(Function function, Expression user, Expression duration, double threshold) {
		if (function != Function.COUNT_MISERABLE && function != Function.USER_MISERY) {
			throw new IllegalArgumentException("not a misery function: " + function);
		}
		if (!duration.type().numeric()) {
			throw new IllegalArgumentException(
					function.sentryName() + "() needs a numeric duration: " + duration.name());
		}
		Condition miserable = new Condition.Compare(duration, Condition.Operator.GREATER,
				(duration.type() == FieldType.INTEGER) ? (Object) (long) Math.floor(4 * threshold)
						: (Object) (4 * threshold));
		String parameters = (function == Function.COUNT_MISERABLE) ? user.name() + "," + number(threshold)
				: number(threshold);
		return new Aggregate(function, user, 0, threshold, miserable, parameters);
	}

	/**
	 * {@code count_web_vitals(vital, quality)}: the rows whose vital has the quality by
	 * {@link WebVitals}' thresholds.
	 * @param vital the measurement column
	 * @param vitalName the vital's name ({@code lcp}, {@code cls}…)
	 * @param quality {@code good}, {@code meh}, {@code poor} or {@code any}
	 * @return the aggregate
	 * @throws IllegalArgumentException for a vital or quality {@link WebVitals} does not
	 * know
	 */
	public static Aggregate countWebVitals(Expression vital, String vitalName, String quality) {
		return new Aggregate(Function.COUNT_WEB_VITALS, vital, 0, 0, WebVitals.condition(vital, vitalName, quality),
				vital.name() + "," + quality);
	}

	@Override
	public boolean overGroup() {
		return true;
	}

	@Override
	public FieldType type() {
		Expression argument = this.argument;
		return switch (this.function) {
			case COUNT, COUNT_UNIQUE, COUNT_IF, COUNT_WEB_VITALS, FAILURE_COUNT, COUNT_MISERABLE -> FieldType.INTEGER;
			case LAST_SEEN, FIRST_SEEN -> FieldType.DATE;
			case EPM, TPM, EPS, TPS, FAILURE_RATE, APDEX, USER_MISERY -> FieldType.NUMBER;
			case AVG, PERCENTILE -> (argument.type() == FieldType.DURATION) ? FieldType.DURATION : FieldType.NUMBER;
			default -> argument.type();
		};
	}

	@Override
	public String metaType() {
		return switch (this.function) {
			case EPM, TPM, EPS, TPS -> "rate";
			case FAILURE_RATE -> "percentage";
			default -> type().metaName();
		};
	}

	@Override
	public @Nullable String unit() {
		return switch (this.function) {
			case EPM, TPM -> "1/minute";
			case EPS, TPS -> "1/second";
			case AVG, SUM, MIN, MAX, PERCENTILE, ANY -> this.argument.unit();
			default -> null;
		};
	}

	@Override
	public String name() {
		if (!this.parameters.isEmpty() || this.condition != null || this.threshold != 0) {
			return this.function.sentryName() + "(" + this.parameters + ")";
		}
		if (this.argument == null || this.function == Function.FAILURE_RATE
				|| this.function == Function.FAILURE_COUNT) {
			return this.function.sentryName() + "()";
		}
		if (this.function == Function.PERCENTILE) {
			String fixed = fixedPercentile(this.quantile);
			if (fixed != null) {
				return fixed + "(" + this.argument.name() + ")";
			}
			return "percentile(" + this.argument.name() + ", " + String.format(Locale.ROOT, "%s", this.quantile) + ")";
		}
		return this.function.sentryName() + "(" + this.argument.name() + ")";
	}

	/** A threshold as written in a name: no fraction when whole. */
	private static String number(double value) {
		return (value == Math.rint(value) && Math.abs(value) < 1e15) ? Long.toString((long) value)
				: String.format(Locale.ROOT, "%s", value);
	}

	private static @Nullable String fixedPercentile(double quantile) {
		for (int level : new int[] { 50, 75, 90, 95, 99, 100 }) {
			if (quantile == level / 100.0) {
				return "p" + level;
			}
		}
		return null;
	}

}
