/**
 * Contract suite of the {@link dev.faultline.storage.queue.EnvelopeQueue} port: every
 * queue adapter subclasses {@link dev.faultline.storage.tck.queue.EnvelopeQueueContract}
 * against its real engine.
 */
@NullMarked
package dev.faultline.storage.tck.queue;

import org.jspecify.annotations.NullMarked;
