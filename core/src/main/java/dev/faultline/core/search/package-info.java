/**
 * Sentry's issue search syntax: {@link dev.faultline.core.search.SearchParser} turns a
 * query such as {@code is:unresolved level:error !release:1.* "connection reset"} into a
 * typed {@link dev.faultline.core.search.SearchQuery};
 * {@link dev.faultline.core.search.SearchQuery#classify()} splits it into the terms the
 * metadata store answers and those the event store answers. The query model
 * ({@code faultline-query}'s {@code SearchConditions}) turns the event terms into typed
 * conditions, which the storage layer compiles per SQL dialect with every value bound.
 */
@NullMarked
package dev.faultline.core.search;

import org.jspecify.annotations.NullMarked;
