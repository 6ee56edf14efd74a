package dev.faultline.storage.events;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Receives the rows of a streamed query one at a time, while the engine's result is still
 * open: nothing is collected on the way. Throwing stops the query and is rethrown to the
 * caller.
 */
@FunctionalInterface
public interface QueryRowSink {

	/**
	 * One result row.
	 * @param values the row's values in the query's result-column order (String, Long,
	 * Double, Instant, or null); the list is not kept by the caller of the sink
	 * @throws Exception to stop the query
	 */
	void accept(List<@Nullable Object> values) throws Exception;

}
