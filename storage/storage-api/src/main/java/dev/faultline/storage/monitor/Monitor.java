package dev.faultline.storage.monitor;

import java.time.Instant;
import java.util.Objects;

/**
 * A cron monitor of a project; its slug is unique within the organization.
 *
 * @param status {@code active} or {@code disabled} (a disabled monitor records no
 * check-ins and is never marked missed)
 */
public record Monitor(long id, long organizationId, long projectId, String slug, String name, String status,
		boolean muted, MonitorConfig config, Instant dateCreated) {

	public static final String ACTIVE = "active";

	public static final String DISABLED = "disabled";

	public Monitor {
		Objects.requireNonNull(slug, "slug");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(config, "config");
		Objects.requireNonNull(dateCreated, "dateCreated");
	}

	public boolean isDisabled() {
		return DISABLED.equals(this.status);
	}

}
