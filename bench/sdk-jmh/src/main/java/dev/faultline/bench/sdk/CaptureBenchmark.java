package dev.faultline.bench.sdk;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import dev.faultline.sdk.Breadcrumb;
import dev.faultline.sdk.FaultlineClient;
import dev.faultline.sdk.FaultlineOptions;
import dev.faultline.sdk.TransportResponse;
import dev.faultline.sdk.User;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The caller thread's cost of {@code captureException} for an exception 10 frames deep
 * with one cause, with a scope holding tags, a user and breadcrumbs, as an application
 * sees it. The sender thread (serialization, encoding) runs concurrently and is not
 * measured here; the transport answers 200 without I/O.
 *
 * <p>
 * Sampled per call ({@code SampleTime}) so that the median is reported. Every 64 calls an
 * untimed invocation-level setup waits for the queue to drain, so the measured path is
 * the normal one (event queued), never the cheaper overflow path.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class CaptureBenchmark {

	private FaultlineClient client;

	private Exception exception;

	private int calls;

	@Setup
	public void setUp() {
		this.client = new FaultlineClient(new FaultlineOptions().setDsn("http://key@127.0.0.1:9/1")
			.setRelease("bench@1.0.0")
			.setServerName("bench")
			.setMaxQueueSize(256)
			.addInAppInclude("dev.faultline.bench")
			.setUncaughtExceptionHandler(false)
			.setTransport((envelope) -> new TransportResponse(200, null, null)));
		this.client.configureScope((scope) -> {
			scope.setTag("feature", "checkout").setTag("tenant", "acme");
			scope.setUser(new User("user-42", "alice", "alice@example.com", null));
			for (int i = 0; i < 10; i++) {
				scope.addBreadcrumb(Breadcrumb.of("ui.click", "Clicked " + i));
			}
		});
		this.exception = Frames.tenDeep();
	}

	@Setup(Level.Invocation)
	public void drainSometimes() {
		if ((++this.calls & 63) == 0) {
			this.client.flush(Duration.ofSeconds(10));
		}
	}

	@Benchmark
	public String captureException() {
		return this.client.captureException(this.exception);
	}

	@TearDown
	public void tearDown() {
		this.client.close();
	}

}
