/**
 * Performance issue detection, Sentry's: detectors that read the span tree of one segment
 * (a transaction and its child spans) and report the problems they find (N+1 database
 * queries, slow database queries, consecutive HTTP calls, large render-blocking and
 * uncompressed assets), each with a fingerprint that groups it into an issue of its own
 * type and the spans that are its evidence. Thresholds are per project
 * ({@link dev.faultline.core.performance.DetectionSettings}, Sentry's defaults). Pure: no
 * I/O, no regular expressions (descriptions come from clients), each detector linear in
 * the spans of the segment after one sort.
 */
@NullMarked
package dev.faultline.core.performance;

import org.jspecify.annotations.NullMarked;
