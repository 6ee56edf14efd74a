/**
 * What an operator watches: the queue's lag per partition, each store's answer time and
 * the data directory's free space, read on a schedule by
 * {@link dev.faultline.boot.system.SystemProbe} and published as Micrometer gauges (and
 * so on {@code /actuator/prometheus}) and to the system status page.
 */
@NullMarked
package dev.faultline.boot.system;

import org.jspecify.annotations.NullMarked;
