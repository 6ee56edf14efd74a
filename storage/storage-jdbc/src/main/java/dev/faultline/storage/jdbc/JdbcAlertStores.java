package dev.faultline.storage.jdbc;

import java.time.Clock;

import dev.faultline.storage.alert.AlertStores;
import dev.faultline.storage.alert.IntegrationStore;
import dev.faultline.storage.alert.IssueAlertRuleStore;
import dev.faultline.storage.alert.MetricAlertStore;
import dev.faultline.storage.alert.NotificationOutbox;
import dev.faultline.storage.alert.WebhookPluginStore;

/**
 * The alerting roles over the V12 tables.
 */
final class JdbcAlertStores implements AlertStores {

	private final IssueAlertRuleStore issueRules;

	private final NotificationOutbox outbox;

	private final IntegrationStore integrations;

	private final WebhookPluginStore webhookPlugins;

	private final MetricAlertStore metricAlerts;

	JdbcAlertStores(JdbcDatabase database, Clock clock) {
		this.issueRules = new JdbcIssueAlertRuleStore(database, clock);
		this.outbox = new JdbcNotificationOutbox(database, clock);
		this.integrations = new JdbcIntegrationStore(database, clock);
		this.webhookPlugins = new JdbcWebhookPluginStore(database);
		this.metricAlerts = new JdbcMetricAlertStore(database, clock);
	}

	@Override
	public IssueAlertRuleStore issueRules() {
		return this.issueRules;
	}

	@Override
	public NotificationOutbox outbox() {
		return this.outbox;
	}

	@Override
	public IntegrationStore integrations() {
		return this.integrations;
	}

	@Override
	public WebhookPluginStore webhookPlugins() {
		return this.webhookPlugins;
	}

	@Override
	public MetricAlertStore metricAlerts() {
		return this.metricAlerts;
	}

}
