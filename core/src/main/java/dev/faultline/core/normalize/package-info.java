/**
 * Turns a raw Sentry event into the normalized event payload the stores keep.
 */
@NullMarked
package dev.faultline.core.normalize;

import org.jspecify.annotations.NullMarked;
