package dev.faultline.processor;

import dev.faultline.processor.pipeline.ItemOutcomes;
import java.nio.file.Path;

import dev.faultline.storage.events.EventStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The processor service run as a separate JVM by {@link ProcessorCrashIT}: the real
 * Spring application on the embedded adapters in a data directory. It prints
 * {@code accepted <n>} as it goes, and once the sentinel event is stored it shuts down
 * gracefully, prints {@code drained} and exits 0.
 *
 * <p>
 * Arguments: data directory, project id, sentinel event id.
 */
public final class ProcessorChild {

	private ProcessorChild() {
	}

	public static void main(String[] args) throws InterruptedException {
		Path dataDir = Path.of(args[0]);
		long projectId = Long.parseLong(args[1]);
		String sentinel = args[2];
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ProcessorServiceApplication.class)
			.run("--faultline.data-dir=" + dataDir, "--server.port=0", "--logging.level.root=WARN");
		MeterRegistry meters = context.getBean(MeterRegistry.class);
		EventStore events = context.getBean(EventStore.class);
		while (events.find(projectId, sentinel).isEmpty()) {
			System.out.println("accepted " + accepted(meters));
			Thread.sleep(20);
		}
		context.close();
		System.out.println("drained");
		System.exit(0);
	}

	private static long accepted(MeterRegistry meters) {
		Counter counter = meters.find(ItemOutcomes.ITEMS).tag("type", "event").tag("outcome", "accepted").counter();
		return (counter != null) ? (long) counter.count() : 0;
	}

}
