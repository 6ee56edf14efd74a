/**
 * The typed query model: one value ({@link dev.faultline.query.Query}) for every question
 * asked of stored data — a {@link dev.faultline.query.Dataset} and its declared
 * {@link dev.faultline.query.Column}s, selected fields and
 * {@link dev.faultline.query.Aggregate functions}, {@link dev.faultline.query.Condition}s
 * (from Sentry's search syntax through {@link dev.faultline.query.SearchConditions}),
 * grouping, ordering, a time range, interval buckets and a page. The storage layer
 * compiles a query once per SQL dialect; nothing here knows SQL, so the model carries no
 * text a compiler would have to parse or quote.
 */
@NullMarked
package dev.faultline.query;

import org.jspecify.annotations.NullMarked;
