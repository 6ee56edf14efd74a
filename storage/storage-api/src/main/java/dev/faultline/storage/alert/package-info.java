/**
 * Alert rules, integrations, the notification outbox and incidents: the metadata the
 * alerting of issue 18 keeps. Rule bodies (conditions, filters, actions, triggers) are
 * kept as Sentry's JSON text; the services parse and validate them.
 */
@NullMarked
package dev.faultline.storage.alert;

import org.jspecify.annotations.NullMarked;
