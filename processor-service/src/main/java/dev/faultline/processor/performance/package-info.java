/**
 * Performance issues: the detectors of {@link dev.faultline.core.performance} run over
 * each segment the span processors store, and every problem found becomes an occurrence
 * event of an issue of its own type ({@code performance_*}), grouped by the problem's
 * fingerprint and stored through the error path's writer, so regressions, counts, ignores
 * and the issue pages work for them unchanged.
 */
@NullMarked
package dev.faultline.processor.performance;

import org.jspecify.annotations.NullMarked;
