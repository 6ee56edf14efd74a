package dev.faultline.storage.jdbc;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import dev.faultline.storage.alert.WebhookPluginStore;

/**
 * {@link WebhookPluginStore} over {@code project_webhook_plugins} (V12); URLs one per
 * line, as Sentry's plugin form keeps them.
 */
final class JdbcWebhookPluginStore implements WebhookPluginStore {

	private final JdbcDatabase database;

	JdbcWebhookPluginStore(JdbcDatabase database) {
		this.database = database;
	}

	@Override
	public Optional<WebhookPlugin> find(long projectId) {
		return this.database.read((connection) -> Queries.first(connection,
				"SELECT enabled, urls FROM project_webhook_plugins WHERE project_id = ?",
				(row) -> new WebhookPlugin(projectId, row.getInt("enabled") != 0, urls(row.getString("urls"))),
				projectId));
	}

	@Override
	public WebhookPlugin save(long projectId, boolean enabled, List<String> urls) {
		WebhookPlugin plugin = new WebhookPlugin(projectId, enabled, urls);
		this.database.write((connection) -> Queries.update(connection,
				"INSERT INTO project_webhook_plugins (project_id, enabled, urls) VALUES (?, ?, ?) "
						+ "ON CONFLICT (project_id) DO UPDATE SET enabled = excluded.enabled, urls = excluded.urls",
				projectId, enabled ? 1 : 0, String.join("\n", plugin.urls())));
		return plugin;
	}

	private static List<String> urls(String text) {
		return Arrays.stream(text.split("\n")).map(String::strip).filter((url) -> !url.isEmpty()).toList();
	}

}
