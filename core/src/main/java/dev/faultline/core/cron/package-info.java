/**
 * Cron monitor schedules: {@link dev.faultline.core.cron.CronExpression}, an evaluator of
 * five-field crontab expressions written here (no regular expression, linear in the
 * expression's length), and {@link dev.faultline.core.cron.MonitorSchedule}, which turns
 * a monitor's crontab or interval schedule and timezone into the next expected check-in.
 */
@NullMarked
package dev.faultline.core.cron;

import org.jspecify.annotations.NullMarked;
