package dev.faultline.storage.alert;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A stored metric alert rule of an organization.
 */
public record MetricAlertRule(long id, long organizationId, MetricAlertRuleSpec spec, @Nullable Long createdBy,
		Instant dateCreated, Instant dateModified) {

	public MetricAlertRule {
		Objects.requireNonNull(spec, "spec");
		Objects.requireNonNull(dateCreated, "dateCreated");
		Objects.requireNonNull(dateModified, "dateModified");
	}

}
