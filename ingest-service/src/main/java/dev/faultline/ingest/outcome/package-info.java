/**
 * Outcomes: why items did not make it (or, from the processor, that they did), counted as
 * Micrometer metrics and per project and hour in the {@code OutcomeStore}.
 */
@NullMarked
package dev.faultline.ingest.outcome;

import org.jspecify.annotations.NullMarked;
