/**
 * Processes the ingest load benchmark starts beside the server under test.
 */
@NullMarked
package dev.faultline.bench.ingest;

import org.jspecify.annotations.NullMarked;
