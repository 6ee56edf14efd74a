/**
 * The contract suite of the spans role, run against every event storage adapter.
 */
@NullMarked
package dev.faultline.storage.tck.spans;

import org.jspecify.annotations.NullMarked;
