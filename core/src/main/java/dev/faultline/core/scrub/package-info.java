/**
 * Data scrubbing: removes secrets and personal data from a normalized event before it is
 * grouped and stored.
 */
@NullMarked
package dev.faultline.core.scrub;

import org.jspecify.annotations.NullMarked;
