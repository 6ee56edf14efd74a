/**
 * Cron monitors, their environments and check-ins, and the lease that lets one replica at
 * a time detect missed check-ins and timeouts: the
 * {@link dev.faultline.storage.monitor.MonitorStore} role of the metadata port.
 */
@NullMarked
package dev.faultline.storage.monitor;

import org.jspecify.annotations.NullMarked;
