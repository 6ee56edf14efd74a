/**
 * Usage statistics of the Web API: outcome counts per category over time
 * ({@code stats_v2}), read from the outcome store.
 */
@NullMarked
package dev.faultline.api.stats;

import org.jspecify.annotations.NullMarked;
