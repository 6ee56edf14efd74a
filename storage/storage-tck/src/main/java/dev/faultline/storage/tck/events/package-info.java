/**
 * The {@link dev.faultline.storage.events.EventStore} contract suite: every event store
 * adapter subclasses {@link dev.faultline.storage.tck.events.EventStoreContract} and runs
 * it against its real engine.
 */
@NullMarked
package dev.faultline.storage.tck.events;

import org.jspecify.annotations.NullMarked;
