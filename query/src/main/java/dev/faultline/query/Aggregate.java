package dev.faultline.query;

import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A function over the rows of a group ({@link Function}), with its argument.
 *
 * @param function the function
 * @param argument the column or tag it reads; null for {@code count()},
 * {@code last_seen()} and {@code first_seen()}
 * @param quantile for {@link Function#PERCENTILE}, the level in {@code [0, 1]}; 0
 * otherwise
 */
public record Aggregate(Function function, @Nullable Expression argument, double quantile) implements Expression {

	public Aggregate {
		Objects.requireNonNull(function, "function");
		if (function.takesArgument() != (argument != null)) {
			throw new IllegalArgumentException(function.sentryName()
					+ (function.takesArgument() ? "() needs an argument" : "() takes no argument"));
		}
		if (argument instanceof Aggregate) {
			throw new IllegalArgumentException("aggregates do not nest: " + argument.name());
		}
		if (argument != null) {
			FieldType type = argument.type();
			boolean ordered = type.numeric() || type == FieldType.DATE;
			boolean fits = switch (function) {
				case AVG, SUM, PERCENTILE -> type.numeric();
				case MIN, MAX -> ordered;
				default -> true;
			};
			if (!fits) {
				throw new IllegalArgumentException(function.sentryName() + "() needs a numeric"
						+ ((function == Function.MIN || function == Function.MAX) ? " or date" : "") + " column: "
						+ argument.name());
			}
		}
		if (function == Function.PERCENTILE ? !(quantile >= 0 && quantile <= 1) : quantile != 0) {
			throw new IllegalArgumentException("a quantile in [0, 1] goes with percentile() only: " + quantile);
		}
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

	@Override
	public FieldType type() {
		Expression argument = this.argument;
		return switch (this.function) {
			case COUNT, COUNT_UNIQUE -> FieldType.INTEGER;
			case LAST_SEEN, FIRST_SEEN -> FieldType.DATE;
			case AVG, PERCENTILE -> (argument.type() == FieldType.DURATION) ? FieldType.DURATION : FieldType.NUMBER;
			default -> argument.type();
		};
	}

	@Override
	public @Nullable String unit() {
		return switch (this.function) {
			case COUNT, COUNT_UNIQUE, LAST_SEEN, FIRST_SEEN -> null;
			default -> this.argument.unit();
		};
	}

	@Override
	public String name() {
		if (this.argument == null) {
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

	private static @Nullable String fixedPercentile(double quantile) {
		for (int level : new int[] { 50, 75, 90, 95, 99, 100 }) {
			if (quantile == level / 100.0) {
				return "p" + level;
			}
		}
		return null;
	}

}
