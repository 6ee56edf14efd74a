package dev.faultline.bench.sdk;

import java.lang.management.ManagementFactory;
import java.time.Duration;

import dev.faultline.sdk.Breadcrumb;
import dev.faultline.sdk.FaultlineClient;
import dev.faultline.sdk.FaultlineOptions;
import dev.faultline.sdk.TransportResponse;
import dev.faultline.sdk.User;

/**
 * Prints the bytes allocated per captured event, on the caller's thread and on the sender
 * thread (serialization and envelope encoding), measured with
 * {@code com.sun.management.ThreadMXBean}. JMH's {@code -prof gc} reports only the
 * benchmark thread; this splits the two. Run by hand (see the README).
 */
public final class AllocationProbe {

	private AllocationProbe() {
	}

	public static void main(String[] args) {
		int events = (args.length > 0) ? Integer.parseInt(args[0]) : 200_000;
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		FaultlineClient client = new FaultlineClient(new FaultlineOptions().setDsn("http://key@127.0.0.1:9/1")
			.setRelease("bench@1.0.0")
			.setServerName("bench")
			.setMaxQueueSize(256)
			.setUncaughtExceptionHandler(false)
			.setTransport((envelope) -> new TransportResponse(200, null, null)));
		client.configureScope((scope) -> {
			scope.setTag("feature", "checkout").setTag("tenant", "acme");
			scope.setUser(new User("user-42", "alice", "alice@example.com", null));
			for (int i = 0; i < 10; i++) {
				scope.addBreadcrumb(Breadcrumb.of("ui.click", "Clicked " + i));
			}
		});
		Exception exception = Frames.tenDeep();
		for (int round = 0; round < 2; round++) {
			long callerBefore = threads.getCurrentThreadAllocatedBytes();
			long totalBefore = totalAllocated(threads);
			for (int i = 0; i < events; i++) {
				client.captureException(exception);
				if ((i & 63) == 63) {
					client.flush(Duration.ofSeconds(10));
				}
			}
			client.flush(Duration.ofSeconds(30));
			long caller = threads.getCurrentThreadAllocatedBytes() - callerBefore;
			long total = totalAllocated(threads) - totalBefore;
			System.out.printf("%s: %d events, caller thread %d B/event, all threads %d B/event%n",
					(round == 0) ? "warm-up" : "measured", events, caller / events, total / events);
		}
		client.close();
	}

	private static long totalAllocated(com.sun.management.ThreadMXBean threads) {
		long total = 0;
		for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
			total += Math.max(0, bytes);
		}
		return total;
	}

}
