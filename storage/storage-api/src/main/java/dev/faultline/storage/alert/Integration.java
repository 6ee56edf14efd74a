package dev.faultline.storage.alert;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A notification destination of an organization.
 *
 * @param provider {@code slack}, {@code msteams}, {@code discord}, {@code pagerduty},
 * {@code opsgenie}, {@code webhook} or {@code email}
 * @param config the provider's settings, encrypted by the service (opaque here)
 * @param lastStatus {@code ok} or {@code error} after the last delivery, null before any
 * @param lastError why the last delivery failed, or null
 */
public record Integration(long id, long organizationId, String provider, String name, String config,
		@Nullable String lastStatus, @Nullable String lastError, @Nullable Instant lastDelivery, Instant dateCreated) {

	public Integration {
		Objects.requireNonNull(provider, "provider");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(config, "config");
		Objects.requireNonNull(dateCreated, "dateCreated");
	}

}
