/**
 * The Sentry event payload as typed records ({@link dev.faultline.protocol.event.Event}
 * and its interfaces), and {@link dev.faultline.protocol.event.EventCodec}, which reads
 * and writes them. Every record keeps the properties it does not model in an
 * {@code other} map, verbatim, so that an event survives decoding and encoding with
 * nothing the SDK sent lost.
 */
@NullMarked
package dev.faultline.protocol.event;

import org.jspecify.annotations.NullMarked;
