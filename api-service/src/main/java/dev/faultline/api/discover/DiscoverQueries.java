package dev.faultline.api.discover;

import dev.faultline.api.web.ApiException;
import dev.faultline.query.Query;
import dev.faultline.query.QueryResult;
import dev.faultline.storage.events.QueryRunner;

import org.springframework.stereotype.Component;

/**
 * Runs Discover's queries through the event storage's query role; a query the model or
 * the store refuses (a column the dataset lacks, an order that does not fit a cursor) is
 * the client's error, answered 400 with the reason.
 */
@Component
class DiscoverQueries {

	private final QueryRunner runner;

	DiscoverQueries(QueryRunner runner) {
		this.runner = runner;
	}

	QueryResult run(Query query) {
		try {
			return this.runner.run(query);
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.badRequest(ex.getMessage());
		}
	}

	/**
	 * Builds a query.
	 * @throws ApiException 400 when the model refuses it
	 */
	static Query build(Query.Builder builder) {
		try {
			return builder.build();
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.badRequest(ex.getMessage());
		}
	}

}
