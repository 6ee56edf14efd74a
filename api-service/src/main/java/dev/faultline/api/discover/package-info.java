/**
 * Discover: Sentry's {@code /organizations/{org}/events/} table and
 * {@code /organizations/{org}/events-stats/} series over the datasets of the query model,
 * each request read into one or a few {@link dev.faultline.query.Query} values and
 * answered by the event storage's query role.
 */
@NullMarked
package dev.faultline.api.discover;

import org.jspecify.annotations.NullMarked;
