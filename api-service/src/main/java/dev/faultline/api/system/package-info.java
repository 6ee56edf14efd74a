/**
 * The system status page's API for the instance administrator: queue lag, store health
 * and latency, disk, schema version, processing and drop volumes.
 */
@NullMarked
package dev.faultline.api.system;

import org.jspecify.annotations.NullMarked;
