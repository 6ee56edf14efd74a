/**
 * The {@code event} kind (errors and messages): parse, normalize, enrich, scrub, group,
 * then, per batch, drop duplicates, assign issues and store.
 */
@NullMarked
package dev.faultline.processor.event;

import org.jspecify.annotations.NullMarked;
