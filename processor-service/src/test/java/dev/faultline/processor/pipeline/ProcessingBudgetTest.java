package dev.faultline.processor.pipeline;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ProcessingBudgetTest {

	@Test
	void returnsTheResultOrRethrowsWhatTheWorkThrew() {
		try (ProcessingBudget budget = new ProcessingBudget(Duration.ofSeconds(30))) {
			assertThat(budget.run(() -> "done")).isEqualTo("done");
			assertThatIllegalStateException().isThrownBy(() -> budget.run(() -> {
				throw new IllegalStateException("broken");
			})).withMessage("broken");
		}
	}

	@Test
	void abandonsWorkPastTheBudgetAndRunsTheNextOnAFreshWorker() throws InterruptedException {
		CountDownLatch never = new CountDownLatch(1);
		try (ProcessingBudget budget = new ProcessingBudget(Duration.ofMillis(50))) {
			assertThat(budget.<String>run(() -> {
				awaitUninterruptibly(never);
				return "too late";
			})).isNull();
			assertThat(budget.run(() -> Thread.currentThread().getName())).startsWith("faultline-processor-worker-");
		}
		finally {
			never.countDown();
		}
	}

	@Test
	void budgetMustBePositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ProcessingBudget(Duration.ZERO));
	}

	@Test
	void aPollMustFitTheQueuesPollDeadlineAtFullBudget() {
		ProcessorSettings settings = ProcessorSettings.defaults();
		settings.requireWithin(java.util.Optional.empty(), Duration.ofMinutes(10));
		settings.requireWithin(java.util.Optional.of(Duration.ofMinutes(30)), Duration.ofSeconds(3));
		assertThatIllegalStateException()
			.isThrownBy(
					() -> settings.requireWithin(java.util.Optional.of(Duration.ofMinutes(30)), Duration.ofSeconds(4)))
			.withMessageContaining("faultline.queue.kafka.max-poll-interval")
			.withMessageContaining("faultline.processor.processing-budget");
	}

	private static void awaitUninterruptibly(CountDownLatch latch) {
		while (true) {
			try {
				latch.await();
				return;
			}
			catch (InterruptedException ex) {
				// Like a busy regular expression: interruption is not noticed.
			}
		}
	}

}
