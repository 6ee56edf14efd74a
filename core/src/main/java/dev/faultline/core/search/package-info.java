/**
 * Sentry's issue search syntax: {@link dev.faultline.core.search.SearchParser} turns a
 * query such as {@code is:unresolved level:error !release:1.* "connection reset"} into a
 * typed {@link dev.faultline.core.search.SearchQuery};
 * {@link dev.faultline.core.search.SearchQuery#classify()} splits it into the terms the
 * metadata store answers and those the event store answers; and
 * {@link dev.faultline.core.search.EventFilterCompiler} compiles the event terms to a SQL
 * fragment per {@link dev.faultline.core.search.SqlDialect} whose values are always bound
 * parameters, never SQL text.
 */
@NullMarked
package dev.faultline.core.search;

import org.jspecify.annotations.NullMarked;
