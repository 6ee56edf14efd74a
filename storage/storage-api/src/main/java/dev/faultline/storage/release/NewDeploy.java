package dev.faultline.storage.release;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A deploy to record.
 *
 * @param dateFinished when it finished; null for the store clock's now (Sentry's default)
 */
public record NewDeploy(String environment, @Nullable String name, @Nullable String url, @Nullable Instant dateStarted,
		@Nullable Instant dateFinished) {

	public NewDeploy {
		Objects.requireNonNull(environment, "environment");
	}

}
