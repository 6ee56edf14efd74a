/**
 * The spans role of the event storage component: every span (a transaction's segment and
 * children, or the items of a span stream) written by the processor and read back as
 * traces. Aggregates over spans and transactions go through the query role
 * ({@code Datasets.SPANS}, {@code Datasets.TRANSACTIONS}).
 */
@NullMarked
package dev.faultline.storage.spans;

import org.jspecify.annotations.NullMarked;
