package dev.faultline.processor;

import dev.faultline.processor.pipeline.ProcessorLoop;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Reports the consumer loop: down when it is not running or its last poll or store failed
 * (the loop keeps retrying; this turns up again on the next success).
 */
final class ProcessorHealthIndicator implements HealthIndicator {

	private final ProcessorLoop loop;

	ProcessorHealthIndicator(ProcessorLoop loop) {
		this.loop = loop;
	}

	@Override
	public Health health() {
		if (this.loop.isHealthy()) {
			return Health.up().build();
		}
		String failure = this.loop.lastFailure();
		Health.Builder builder = Health.down().withDetail("running", this.loop.isRunning());
		if (failure != null) {
			builder.withDetail("lastFailure", failure);
		}
		return builder.build();
	}

}
