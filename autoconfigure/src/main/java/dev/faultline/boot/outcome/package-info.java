/**
 * Outcomes: what became of every item ingest or the processor saw, counted once as a
 * Micrometer metric and per project and hour in the {@code OutcomeStore}.
 */
@NullMarked
package dev.faultline.boot.outcome;

import org.jspecify.annotations.NullMarked;
