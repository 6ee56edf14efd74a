package dev.faultline.processor.pipeline;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

	@Test
	void doublesUpToTheCapAndResets() {
		Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(350));
		assertThat(backoff.next()).isEqualTo(Duration.ofMillis(100));
		assertThat(backoff.next()).isEqualTo(Duration.ofMillis(200));
		assertThat(backoff.next()).isEqualTo(Duration.ofMillis(350));
		assertThat(backoff.next()).isEqualTo(Duration.ofMillis(350));
		backoff.reset();
		assertThat(backoff.next()).isEqualTo(Duration.ofMillis(100));
	}

}
