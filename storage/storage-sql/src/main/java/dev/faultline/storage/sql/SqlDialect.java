package dev.faultline.storage.sql;

import dev.faultline.query.Column;
import dev.faultline.query.Dataset;
import dev.faultline.query.Function;
import org.jspecify.annotations.Nullable;

/**
 * What differs between the SQL of the event store engines: placeholders, the table of a
 * dataset and the expressions of its columns, tag access and the tag pairs, LIKE, times,
 * integer division and the names of aggregate functions. Every method builds SQL from
 * trusted pieces only (the adapter's own column expressions, and placeholders the
 * compiler made with {@link #placeholder}); values never pass through a dialect.
 * Implementations are stateless and thread-safe.
 */
public interface SqlDialect {

	/**
	 * Returns the placeholder of the parameter at {@code index}.
	 * @param index the 0-based index of the parameter in the statement
	 * @param type the parameter's type
	 * @return for example {@code ?} or {@code {p0:String}}
	 */
	String placeholder(int index, ParameterType type);

	/**
	 * Returns the table (or table expression) a dataset's rows are read from.
	 * @param dataset the dataset
	 * @param collapseDuplicates whether stored duplicate copies of a row must read as one
	 * (an engine that collapses them lazily pays for it; one that never stores them
	 * ignores it)
	 * @return the FROM item
	 */
	String table(Dataset dataset, boolean collapseDuplicates);

	/**
	 * Returns the expression of a stored column of a dataset; NULL where the column is
	 * nullable and the row lacks it.
	 * @param dataset the dataset
	 * @param column a {@link Column.Source#STORED} column of the dataset
	 * @return the expression
	 * @throws IllegalArgumentException for a column the adapter does not store
	 */
	String column(Dataset dataset, Column column);

	/**
	 * Returns the text that follows the table in FROM to expand each row into its tag
	 * pairs (the event's tags, plus {@code level}, {@code environment} and
	 * {@code release} when present and not also a tag), and makes {@link #tagPairKey()}
	 * and {@link #tagPairValue()} readable.
	 * @param dataset the dataset
	 * @return for example a join with an unnested list
	 */
	String tagPairs(Dataset dataset);

	/** The key of the current tag pair (see {@link #tagPairs}). */
	String tagPairKey();

	/** The value of the current tag pair (see {@link #tagPairs}). */
	String tagPairValue();

	/**
	 * Returns an expression reading a tag: the empty string when the row lacks it.
	 * @param keyPlaceholder the placeholder of the bound key
	 * @return a String expression, never NULL
	 */
	String tagValue(String keyPlaceholder);

	/**
	 * Returns an expression reading a tag: NULL when the row lacks it.
	 * @param keyPlaceholder the placeholder of the bound key
	 * @return a nullable String expression
	 */
	String tagValueOrNull(String keyPlaceholder);

	/**
	 * Returns a condition that holds when the row has the tag.
	 * @param keyPlaceholder the placeholder of the bound key
	 * @return a boolean expression
	 */
	String tagExists(String keyPlaceholder);

	/**
	 * Returns a LIKE condition with {@code \} as the escape character (see
	 * {@link LikePatterns}).
	 * @param expression the String expression to match
	 * @param patternPlaceholder the placeholder of the bound pattern
	 * @param ignoreCase whether to match ignoring case
	 * @return a boolean expression
	 */
	String like(String expression, String patternPlaceholder, boolean ignoreCase);

	/**
	 * Returns a timestamp expression comparable with date columns.
	 * @param epochMillisPlaceholder the placeholder of a bound
	 * {@link ParameterType#INT64} of milliseconds since the epoch
	 * @return a timestamp expression
	 */
	String timestamp(String epochMillisPlaceholder);

	/**
	 * Returns the milliseconds since the epoch of a date expression, as a 64-bit integer.
	 * @param dateExpression a date expression
	 * @return an integer expression (NULL for NULL)
	 */
	String epochMillis(String dateExpression);

	/**
	 * Returns the integer quotient of two non-negative integer expressions.
	 * @param dividend the dividend
	 * @param divisor the divisor
	 * @return an integer expression
	 */
	String divide(String dividend, String divisor);

	/**
	 * Returns an aggregate call. Results: {@code count} and {@code count_unique} 64-bit
	 * integers; {@code avg} and {@code percentile} 64-bit floats; {@code sum} of an
	 * integer a 64-bit integer; the others the argument's type. {@code count_unique}
	 * counts exact distinct non-NULL values; {@code percentile} is exact with linear
	 * interpolation at rank {@code (n - 1) · q}.
	 * @param function one of {@code COUNT}, {@code COUNT_UNIQUE}, {@code AVG},
	 * {@code SUM}, {@code MIN}, {@code MAX}, {@code PERCENTILE}, {@code ANY}; the
	 * compiler writes {@link Function#LAST_SEEN} and {@link Function#FIRST_SEEN} as max
	 * and min and the performance functions (conditional counts, rates, apdex, misery)
	 * from these and portable SQL
	 * @param argument the argument expression, or null for {@code count()}
	 * @param integerArgument whether the argument is an integer (for {@code sum})
	 * @param quantilePlaceholder for {@link Function#PERCENTILE}, the placeholder of the
	 * bound {@link ParameterType#FLOAT64} level
	 * @return the aggregate expression
	 */
	String aggregate(Function function, @Nullable String argument, boolean integerArgument,
			@Nullable String quantilePlaceholder);

	/**
	 * Returns an expression reading NULL as the empty string.
	 * @param expression a nullable String expression
	 * @return a String expression that is never NULL
	 */
	default String emptyIfNull(String expression) {
		return "coalesce(" + expression + ", '')";
	}

}
