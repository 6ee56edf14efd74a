/**
 * Periodic tasks beside the pipeline: the retention sweep and the waking of issues whose
 * ignore expired.
 */
@NullMarked
package dev.faultline.processor.housekeeping;

import org.jspecify.annotations.NullMarked;
