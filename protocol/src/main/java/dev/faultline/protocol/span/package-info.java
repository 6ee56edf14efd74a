/**
 * The wire models of tracing: the classic {@code transaction} item (an event with a
 * segment in {@code contexts.trace} and its child {@code spans}) and the span stream
 * ({@code span} items of {@code application/vnd.sentry.items.span.v2+json}), with the
 * codec that reads them from their JSON trees.
 */
@NullMarked
package dev.faultline.protocol.span;

import org.jspecify.annotations.NullMarked;
