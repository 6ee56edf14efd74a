package dev.faultline.storage.alert;

/**
 * The alerting roles of the metadata store.
 */
public interface AlertStores {

	IssueAlertRuleStore issueRules();

	NotificationOutbox outbox();

	IntegrationStore integrations();

	WebhookPluginStore webhookPlugins();

	MetricAlertStore metricAlerts();

}
