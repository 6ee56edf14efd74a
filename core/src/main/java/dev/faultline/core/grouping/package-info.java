/**
 * Sentry-style grouping: which issue an event belongs to and why.
 */
@NullMarked
package dev.faultline.core.grouping;

import org.jspecify.annotations.NullMarked;
