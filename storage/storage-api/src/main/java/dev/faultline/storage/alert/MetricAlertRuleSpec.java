package dev.faultline.storage.alert;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What a client sets on a metric alert rule.
 *
 * @param dataset Sentry's dataset name ({@code events}, {@code transactions})
 * @param aggregate Sentry's field string ({@code count()},
 * {@code p95(transaction.duration)})
 * @param query Sentry's search query the rows must match (may be empty)
 * @param timeWindowMinutes the window each evaluation aggregates over
 * @param thresholdType 0 fires above the thresholds, 1 below
 * @param resolveThreshold the value past which an incident resolves, or null: the lowest
 * trigger's threshold
 * @param projectIds the projects it reads (the API requires one; deleting projects may
 * leave none, and a rule without projects reads nothing)
 * @param triggers Sentry's trigger JSON array ({@code label}, {@code alertThreshold},
 * {@code actions})
 * @param status 0 enabled, 1 disabled
 */
public record MetricAlertRuleSpec(String name, String dataset, String aggregate, String query, int timeWindowMinutes,
		int thresholdType, @Nullable Double resolveThreshold, @Nullable String environment, List<Long> projectIds,
		String triggers, @Nullable String owner, int status) {

	public MetricAlertRuleSpec {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(dataset, "dataset");
		Objects.requireNonNull(aggregate, "aggregate");
		Objects.requireNonNull(query, "query");
		Objects.requireNonNull(triggers, "triggers");
		projectIds = List.copyOf(projectIds);
		if (timeWindowMinutes < 1) {
			throw new IllegalArgumentException("timeWindow must be at least a minute: " + timeWindowMinutes);
		}
	}

}
