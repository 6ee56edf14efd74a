/**
 * Per-key rate limits, counted in fixed windows per data category inside this ingest
 * process.
 */
@NullMarked
package dev.faultline.ingest.ratelimit;

import org.jspecify.annotations.NullMarked;
