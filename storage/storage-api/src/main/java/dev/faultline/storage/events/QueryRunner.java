package dev.faultline.storage.events;

import dev.faultline.query.Query;
import dev.faultline.query.QueryResult;

/**
 * The query role: answers a {@link Query} of the typed query model. An adapter compiles
 * the query once for its SQL dialect (storage-sql's compiler), binds every value, and
 * returns the rows in the query's order.
 *
 * <p>
 * Contract (query TCK): the answers are the query model's semantics on every engine; the
 * order is total, so paging by offset returns each row exactly once. Thread-safe.
 */
public interface QueryRunner {

	/**
	 * Runs a query.
	 * @param query the query; its dataset must be one the store holds
	 * @return the result columns and rows
	 * @throws IllegalArgumentException for a dataset or column the store does not hold
	 */
	QueryResult run(Query query);

}
