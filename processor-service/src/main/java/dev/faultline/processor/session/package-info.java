/**
 * The {@code session} and {@code sessions} kinds (release health): session updates and
 * session aggregates read into rows of the event store's sessions role.
 */
@NullMarked
package dev.faultline.processor.session;

import org.jspecify.annotations.NullMarked;
