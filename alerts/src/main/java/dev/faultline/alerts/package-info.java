/**
 * Alerting: Sentry's issue alert rule JSON parsed into typed conditions, filters and
 * actions ({@link dev.faultline.alerts.IssueRuleDefinition}), their evaluation against a
 * stored event ({@link dev.faultline.alerts.IssueAlertEvaluator}), the payload each
 * channel documents ({@link dev.faultline.alerts.NotificationPayloads}), the outbox
 * dispatcher and its senders, metric alert evaluation, and the sealing of integration
 * secrets ({@link dev.faultline.alerts.SecretBox}). No Spring: the services wire it.
 */
@NullMarked
package dev.faultline.alerts;

import org.jspecify.annotations.NullMarked;
