/**
 * Discover's benchmark (issue 22): latency of representative queries and the memory of a
 * streamed export over seeded events.
 */
@NullMarked
package dev.faultline.bench.discover;

import org.jspecify.annotations.NullMarked;
