/**
 * Alerts on Sentry's paths: issue alert rules of projects, the legacy WebHooks plugin,
 * metric alert rules and their incidents, and the organization's notification
 * integrations with their "send test notification" button and delivery history.
 */
@NullMarked
package dev.faultline.api.alert;

import org.jspecify.annotations.NullMarked;
