package dev.faultline.api.discover;

import dev.faultline.api.web.ApiException;
import dev.faultline.query.Cursor;
import dev.faultline.query.Query;
import dev.faultline.query.QueryResult;
import dev.faultline.storage.events.QueryLimitExceededException;
import dev.faultline.storage.events.QueryRowSink;
import dev.faultline.storage.events.QueryRunner;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Runs Discover's queries through the event storage's query role within the configured
 * guard rails ({@link DiscoverProperties}); a query the model or the store refuses (a
 * column the dataset lacks, an order that does not fit a cursor) is the client's error,
 * answered 400 with the reason, and so is a query a limit stopped: the detail names the
 * limit and how to narrow the question.
 */
@Component
class DiscoverQueries {

	private final QueryRunner runner;

	private final DiscoverProperties properties;

	DiscoverQueries(QueryRunner runner, DiscoverProperties properties) {
		this.runner = runner;
		this.properties = properties;
	}

	QueryResult run(Query query) {
		try {
			return this.runner.run(query, this.properties.limits());
		}
		catch (QueryLimitExceededException ex) {
			throw tooWide(ex);
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.badRequest(ex.getMessage());
		}
	}

	/**
	 * Streams one page of an export within the export's limits.
	 * @return the next page's cursor, or null after the last
	 */
	@Nullable Cursor stream(Query query, QueryRowSink sink) {
		try {
			return this.runner.stream(query, this.properties.exportLimits(), sink);
		}
		catch (QueryLimitExceededException ex) {
			throw tooWide(ex);
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.badRequest(ex.getMessage());
		}
	}

	DiscoverProperties properties() {
		return this.properties;
	}

	/** Sentry's answer to a query Snuba refuses as too expensive: 400 with the reason. */
	static ApiException tooWide(QueryLimitExceededException ex) {
		return ApiException
			.badRequest("Query exceeded the " + ex.limit().label() + ": " + ex.getMessage() + ". " + ex.advice());
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
