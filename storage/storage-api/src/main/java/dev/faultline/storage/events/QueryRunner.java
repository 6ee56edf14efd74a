package dev.faultline.storage.events;

import dev.faultline.query.Cursor;
import dev.faultline.query.Query;
import dev.faultline.query.QueryResult;
import org.jspecify.annotations.Nullable;

/**
 * The query role: answers a {@link Query} of the typed query model. An adapter compiles
 * the query once for its SQL dialect (storage-sql's compiler), binds every value, and
 * returns the rows in the query's order.
 *
 * <p>
 * Queries run on connections of their own, never on the one the write role uses, so a
 * slow question never holds what ingest needs (query limits TCK). Each run applies its
 * {@link QueryLimits}; a query over one fails with {@link QueryLimitExceededException}.
 *
 * <p>
 * Contract (query TCK): the answers are the query model's semantics on every engine; the
 * order is total, so paging by offset returns each row exactly once. Thread-safe.
 */
public interface QueryRunner {

	/**
	 * Runs a query without limits.
	 * @param query the query; its dataset must be one the store holds
	 * @return the result columns and rows
	 * @throws IllegalArgumentException for a dataset or column the store does not hold
	 */
	default QueryResult run(Query query) {
		return run(query, QueryLimits.NONE);
	}

	/**
	 * Runs a query within limits.
	 * @param query the query; its dataset must be one the store holds
	 * @param limits what it may cost
	 * @return the result columns and rows
	 * @throws IllegalArgumentException for a dataset or column the store does not hold
	 * @throws QueryLimitExceededException when a limit stopped it
	 */
	QueryResult run(Query query, QueryLimits limits);

	/**
	 * Runs a query within limits and hands its rows to {@code sink} as the engine returns
	 * them, keeping none: the page of {@code query.limit()} rows at its cursor, which
	 * must be a forward one.
	 * @param query the query
	 * @param limits what it may cost
	 * @param sink receives each row of the page
	 * @return the cursor of the next page, or null when this page was the last
	 * @throws IllegalArgumentException for a backward cursor, or what {@link #run}
	 * refuses
	 * @throws QueryLimitExceededException when a limit stopped it (rows already handed on
	 * stay handed on)
	 */
	@Nullable Cursor stream(Query query, QueryLimits limits, QueryRowSink sink);

}
