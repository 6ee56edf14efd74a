package dev.faultline.storage.metadata;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A project's performance settings, named as in Sentry's project options.
 *
 * @param transactionThresholdMillis the Apdex threshold T of its transactions (Sentry's
 * {@code transaction-threshold/configure}: satisfied up to T, tolerated up to 4T); 300 ms
 * until changed
 * @param transactionMetric what T is measured on: {@code duration} or {@code lcp}
 * @param issueSettings the performance issue detection settings the project changed, by
 * Sentry's key ({@code slow_db_query_duration_threshold}), as text; empty for Sentry's
 * defaults. The store keeps them as given; the API validates them before they are stored.
 */
public record ProjectPerformance(long transactionThresholdMillis, String transactionMetric,
		Map<String, String> issueSettings) {

	/** What a project has until its settings are changed. */
	public static final ProjectPerformance DEFAULTS = new ProjectPerformance(300, "duration", Map.of());

	public ProjectPerformance {
		Objects.requireNonNull(transactionMetric, "transactionMetric");
		if (transactionThresholdMillis < 0) {
			throw new IllegalArgumentException("transactionThresholdMillis must not be negative");
		}
		issueSettings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(issueSettings));
		for (Map.Entry<String, String> setting : issueSettings.entrySet()) {
			if (setting.getKey().isEmpty() || setting.getKey().contains("=") || setting.getKey().contains("\n")
					|| setting.getValue().contains("\n")) {
				throw new IllegalArgumentException("issue setting keys and values must be single lines: " + setting);
			}
		}
	}

}
