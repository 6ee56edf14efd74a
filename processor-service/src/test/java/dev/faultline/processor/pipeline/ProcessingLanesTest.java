package dev.faultline.processor.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ProcessingLanesTest {

	@Test
	void resultsComeBackInTheOrderOfTheWorkFromEveryLane() {
		Set<String> workers = ConcurrentHashMap.newKeySet();
		List<Supplier<Integer>> work = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			int value = i;
			work.add(() -> {
				workers.add(Thread.currentThread().getName());
				return value * value;
			});
		}
		try (ProcessingLanes lanes = new ProcessingLanes(3, Duration.ofSeconds(30))) {
			assertThat(lanes.runAll(work)).containsExactly(0, 1, 4, 9, 16, 25, 36, 49, 64, 81);
			assertThat(lanes.runAll(List.<Supplier<Integer>>of())).isEmpty();
		}
		// Each lane has its own budget, and so its own worker.
		assertThat(workers).hasSize(3).allSatisfy((name) -> assertThat(name).startsWith("faultline-processor-worker-"));
	}

	@Test
	void workPastItsBudgetIsNullAndTheRestOfItsLaneStillRuns() {
		CountDownLatch never = new CountDownLatch(1);
		List<Supplier<String>> work = List.of(() -> "a", () -> {
			awaitUninterruptibly(never);
			return "too late";
		}, () -> "c", () -> "d", () -> "e");
		try (ProcessingLanes lanes = new ProcessingLanes(2, Duration.ofMillis(100))) {
			assertThat(lanes.runAll(work)).containsExactly("a", null, "c", "d", "e");
		}
		finally {
			never.countDown();
		}
	}

	@Test
	void whatTheWorkThrewIsRethrownOnceEveryLaneFinished() {
		AtomicInteger done = new AtomicInteger();
		List<Supplier<Integer>> work = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			int value = i;
			work.add(() -> {
				if (value == 3) {
					throw new IllegalStateException("broken");
				}
				return done.incrementAndGet();
			});
		}
		try (ProcessingLanes lanes = new ProcessingLanes(2, Duration.ofSeconds(30))) {
			assertThatIllegalStateException().isThrownBy(() -> lanes.runAll(work)).withMessage("broken");
		}
		// Lane 1 (1, 3, 5) stops at its failure; lane 0 (0, 2, 4) finishes.
		assertThat(done).hasValue(4);
	}

	@Test
	void atLeastOneLane() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ProcessingLanes(0, Duration.ofSeconds(1)));
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
