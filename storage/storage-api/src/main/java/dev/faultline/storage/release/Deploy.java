package dev.faultline.storage.release;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A deploy of a release to an environment.
 */
public record Deploy(long id, long releaseId, String environment, @Nullable String name, @Nullable String url,
		@Nullable Instant dateStarted, Instant dateFinished) {

	public Deploy {
		Objects.requireNonNull(environment, "environment");
		Objects.requireNonNull(dateFinished, "dateFinished");
	}

}
