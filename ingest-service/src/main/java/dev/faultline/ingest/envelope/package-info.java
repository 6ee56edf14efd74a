/**
 * The envelope and legacy store endpoints: authenticate, bound, check framing, hand the
 * envelope to the queue, answer once it is durable.
 */
@NullMarked
package dev.faultline.ingest.envelope;

import org.jspecify.annotations.NullMarked;
