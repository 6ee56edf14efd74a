/**
 * The sessions role of the event storage component (release health): the session updates
 * and session aggregates the SDKs send, kept as one row per session that later updates
 * merge into. Counts, users and crash-free rates are asked through the query role
 * ({@code Datasets.SESSIONS}).
 */
@NullMarked
package dev.faultline.storage.sessions;

import org.jspecify.annotations.NullMarked;
