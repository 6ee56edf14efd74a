/**
 * The tracing kinds: classic {@code transaction} items and span stream v2 {@code span}
 * items become rows of the spans role (every span, the segment a transaction); parse,
 * scrub, read the typed model, place in time, then store per batch.
 */
@NullMarked
package dev.faultline.processor.span;

import org.jspecify.annotations.NullMarked;
