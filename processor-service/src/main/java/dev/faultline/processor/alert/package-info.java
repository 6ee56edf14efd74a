/**
 * Alerting in the processor: the issue alert rules of stored events evaluated off the hot
 * path, the outbox dispatched, metric alert rules evaluated on a schedule.
 */
@NullMarked
package dev.faultline.processor.alert;

import org.jspecify.annotations.NullMarked;
