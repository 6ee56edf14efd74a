package dev.faultline.storage.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import dev.faultline.storage.metadata.ProjectFilters;
import dev.faultline.storage.metadata.ProjectPerformance;
import dev.faultline.storage.metadata.ProjectSettings;
import dev.faultline.storage.metadata.ProjectSettingsStore;

/**
 * {@link ProjectSettingsStore} over the {@code project_settings} and
 * {@code project_filters} and {@code project_performance} tables: one row per project
 * whose settings (filters, performance settings) were changed, lists stored one entry a
 * line.
 */
final class JdbcProjectSettingsStore implements ProjectSettingsStore {

	private final JdbcDatabase database;

	JdbcProjectSettingsStore(JdbcDatabase database) {
		this.database = database;
	}

	@Override
	public Optional<ProjectSettings> find(long projectId) {
		// LEFT JOIN: a project without a row has the defaults, no project has nothing.
		return this.database.read((connection) -> Queries.first(connection,
				"SELECT s.project_id, s.fingerprinting_rules, s.grouping_enhancements, s.relay_pii_config, "
						+ "s.scrub_ip_addresses, s.sensitive_fields, s.safe_fields, s.data_scrubber, "
						+ "s.data_scrubber_defaults, s.in_app_includes, s.in_app_excludes "
						+ "FROM projects p LEFT JOIN project_settings s ON s.project_id = p.id WHERE p.id = ?",
				JdbcProjectSettingsStore::settings, projectId));
	}

	@Override
	public boolean update(long projectId, ProjectSettings settings) {
		return this.database.write((connection) -> {
			// Checked first rather than left to the foreign key: a violation would abort
			// a PostgreSQL transaction and reads differently on each engine.
			if (Queries.first(connection, "SELECT id FROM projects WHERE id = ?", (row) -> row.getLong(1), projectId)
				.isEmpty()) {
				return false;
			}
			Queries.update(connection, "INSERT INTO project_settings (project_id, fingerprinting_rules, "
					+ "grouping_enhancements, relay_pii_config, scrub_ip_addresses, sensitive_fields, safe_fields, "
					+ "data_scrubber, data_scrubber_defaults, in_app_includes, in_app_excludes) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (project_id) DO UPDATE SET "
					+ "fingerprinting_rules = excluded.fingerprinting_rules, "
					+ "grouping_enhancements = excluded.grouping_enhancements, "
					+ "relay_pii_config = excluded.relay_pii_config, "
					+ "scrub_ip_addresses = excluded.scrub_ip_addresses, sensitive_fields = excluded.sensitive_fields, "
					+ "safe_fields = excluded.safe_fields, data_scrubber = excluded.data_scrubber, "
					+ "data_scrubber_defaults = excluded.data_scrubber_defaults, "
					+ "in_app_includes = excluded.in_app_includes, in_app_excludes = excluded.in_app_excludes",
					projectId, settings.fingerprintingRules(), settings.groupingEnhancements(),
					settings.relayPiiConfig(), settings.scrubIPAddresses(), lines(settings.sensitiveFields()),
					lines(settings.safeFields()), settings.dataScrubber(), settings.dataScrubberDefaults(),
					lines(settings.inAppIncludes()), lines(settings.inAppExcludes()));
			return true;
		});
	}

	@Override
	public Optional<ProjectFilters> findFilters(long projectId) {
		return this.database.read((connection) -> Queries.first(connection,
				"SELECT f.project_id, f.browser_extensions, f.localhost, f.web_crawlers, f.filtered_transaction, "
						+ "f.legacy_browsers, f.error_messages, f.releases, f.blacklisted_ips "
						+ "FROM projects p LEFT JOIN project_filters f ON f.project_id = p.id WHERE p.id = ?",
				JdbcProjectSettingsStore::filters, projectId));
	}

	@Override
	public boolean updateFilters(long projectId, ProjectFilters filters) {
		return this.database.write((connection) -> {
			if (Queries.first(connection, "SELECT id FROM projects WHERE id = ?", (row) -> row.getLong(1), projectId)
				.isEmpty()) {
				return false;
			}
			Queries.update(connection, "INSERT INTO project_filters (project_id, browser_extensions, localhost, "
					+ "web_crawlers, filtered_transaction, legacy_browsers, error_messages, releases, blacklisted_ips) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (project_id) DO UPDATE SET "
					+ "browser_extensions = excluded.browser_extensions, localhost = excluded.localhost, "
					+ "web_crawlers = excluded.web_crawlers, filtered_transaction = excluded.filtered_transaction, "
					+ "legacy_browsers = excluded.legacy_browsers, error_messages = excluded.error_messages, "
					+ "releases = excluded.releases, blacklisted_ips = excluded.blacklisted_ips", projectId,
					filters.browserExtensions(), filters.localhost(), filters.webCrawlers(),
					filters.filteredTransaction(), lines(List.copyOf(filters.legacyBrowsers())),
					lines(filters.errorMessages()), lines(filters.releases()), lines(filters.blacklistedIps()));
			return true;
		});
	}

	@Override
	public Optional<ProjectPerformance> findPerformance(long projectId) {
		return this.database.read((connection) -> Queries.first(connection,
				"SELECT f.project_id, f.transaction_threshold, f.transaction_metric, f.issue_settings "
						+ "FROM projects p LEFT JOIN project_performance f ON f.project_id = p.id WHERE p.id = ?",
				JdbcProjectSettingsStore::performance, projectId));
	}

	@Override
	public boolean updatePerformance(long projectId, ProjectPerformance performance) {
		return this.database.write((connection) -> {
			if (Queries.first(connection, "SELECT id FROM projects WHERE id = ?", (row) -> row.getLong(1), projectId)
				.isEmpty()) {
				return false;
			}
			List<String> settings = new ArrayList<>();
			performance.issueSettings().forEach((key, value) -> settings.add(key + "=" + value));
			Queries.update(connection,
					"INSERT INTO project_performance (project_id, transaction_threshold, transaction_metric, "
							+ "issue_settings) VALUES (?, ?, ?, ?) ON CONFLICT (project_id) DO UPDATE SET "
							+ "transaction_threshold = excluded.transaction_threshold, "
							+ "transaction_metric = excluded.transaction_metric, issue_settings = excluded.issue_settings",
					projectId, performance.transactionThresholdMillis(), performance.transactionMetric(),
					lines(settings));
			return true;
		});
	}

	private static ProjectPerformance performance(ResultSet row) throws SQLException {
		row.getLong("project_id");
		if (row.wasNull()) {
			return ProjectPerformance.DEFAULTS;
		}
		Map<String, String> settings = new LinkedHashMap<>();
		for (String line : list(row.getString("issue_settings"))) {
			int equals = line.indexOf('=');
			settings.put(line.substring(0, equals), line.substring(equals + 1));
		}
		return new ProjectPerformance(row.getLong("transaction_threshold"), row.getString("transaction_metric"),
				settings);
	}

	private static ProjectFilters filters(ResultSet row) throws SQLException {
		row.getLong("project_id");
		if (row.wasNull()) {
			return ProjectFilters.NONE;
		}
		return new ProjectFilters(row.getBoolean("browser_extensions"), row.getBoolean("localhost"),
				row.getBoolean("web_crawlers"), row.getBoolean("filtered_transaction"),
				new TreeSet<>(list(row.getString("legacy_browsers"))), list(row.getString("error_messages")),
				list(row.getString("releases")), list(row.getString("blacklisted_ips")));
	}

	private static ProjectSettings settings(ResultSet row) throws SQLException {
		row.getLong("project_id");
		if (row.wasNull()) {
			return ProjectSettings.DEFAULTS;
		}
		return new ProjectSettings(row.getString("fingerprinting_rules"), row.getString("grouping_enhancements"),
				row.getString("relay_pii_config"), row.getBoolean("scrub_ip_addresses"),
				list(row.getString("sensitive_fields")), list(row.getString("safe_fields")),
				row.getBoolean("data_scrubber"), row.getBoolean("data_scrubber_defaults"),
				list(row.getString("in_app_includes")), list(row.getString("in_app_excludes")));
	}

	private static String lines(List<String> values) {
		return String.join("\n", values);
	}

	private static List<String> list(String lines) {
		return lines.isEmpty() ? List.of() : Arrays.asList(lines.split("\n"));
	}

}
