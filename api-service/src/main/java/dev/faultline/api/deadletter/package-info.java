/**
 * The dead letters for instance administrators: list, inspect, replay, purge.
 */
@NullMarked
package dev.faultline.api.deadletter;

import org.jspecify.annotations.NullMarked;
