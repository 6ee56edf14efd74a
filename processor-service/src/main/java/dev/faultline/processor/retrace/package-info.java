/**
 * Retracing of ProGuard/R8-obfuscated Java events before grouping:
 * {@link dev.faultline.processor.retrace.ProguardStage} reads the mapping UUIDs an
 * event's {@code debug_meta.images} name, loads those mappings through
 * {@link dev.faultline.processor.retrace.ProguardMappings} (a bounded cache over the
 * project's debug files), and turns obfuscated frames and exception types back into the
 * original ones; a mapping that is not there is said on the event.
 */
@NullMarked
package dev.faultline.processor.retrace;

import org.jspecify.annotations.NullMarked;
