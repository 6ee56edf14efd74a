package dev.faultline.processor;

import java.time.Duration;

import dev.faultline.processor.pipeline.ProcessorLoop;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Reports the consumer loop: down when it is not running, when its last poll or store
 * failed (the loop keeps retrying; this turns up again on the next success), or when it
 * has stalled — no poll returned and no batch committed for longer than
 * {@code faultline.processor.stall-after}, which an idle loop never reaches.
 */
final class ProcessorHealthIndicator implements HealthIndicator {

	private final ProcessorLoop loop;

	private final Duration stallAfter;

	ProcessorHealthIndicator(ProcessorLoop loop, Duration stallAfter) {
		this.loop = loop;
		this.stallAfter = stallAfter;
	}

	@Override
	public Health health() {
		Duration sinceProgress = this.loop.sinceProgress();
		boolean stalled = sinceProgress.compareTo(this.stallAfter) > 0;
		if (this.loop.isHealthy() && !stalled) {
			return Health.up().withDetail("sinceProgressMillis", sinceProgress.toMillis()).build();
		}
		Health.Builder builder = Health.down()
			.withDetail("running", this.loop.isRunning())
			.withDetail("sinceProgressMillis", sinceProgress.toMillis())
			.withDetail("stalled", stalled);
		String failure = this.loop.lastFailure();
		if (failure != null) {
			builder.withDetail("lastFailure", failure);
		}
		return builder.build();
	}

}
