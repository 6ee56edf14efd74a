/**
 * Contract suites (TCK) for the storage ports; every adapter runs them against its real
 * engine.
 */
@NullMarked
package dev.faultline.storage.tck;

import org.jspecify.annotations.NullMarked;
