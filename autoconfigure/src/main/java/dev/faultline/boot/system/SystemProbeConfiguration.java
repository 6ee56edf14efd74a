package dev.faultline.boot.system;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

import dev.faultline.boot.FaultlineProperties;
import dev.faultline.storage.events.EventStorage;
import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.queue.EnvelopeQueue;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Provides the {@link SystemProbe} of a process that has the queue and both stores (the
 * processor and the API, and so the standalone jar). The data directory is watched only
 * where an embedded adapter keeps its files there.
 */
@Configuration(proxyBeanMethods = false)
public class SystemProbeConfiguration {

	/** The consumer group the processor reads the queue as, in every shape. */
	public static final String PROCESSOR_GROUP = "processor";

	private static final Duration INTERVAL = Duration.ofSeconds(10);

	@Bean(destroyMethod = "close")
	SystemProbe systemProbe(EnvelopeQueue queue, MetadataStores metadata, EventStorage events,
			FaultlineProperties properties, ObjectProvider<MeterRegistry> meters) {
		Map<String, BooleanSupplier> stores = new LinkedHashMap<>();
		stores.put("queue", queue::isHealthy);
		stores.put("metadata", metadata::isHealthy);
		stores.put("events", events::isHealthy);
		return new SystemProbe(queue, PROCESSOR_GROUP, stores, embeddedDataDir(properties),
				properties.disk().minFree().toBytes(), meters.getIfAvailable(SimpleMeterRegistry::new), INTERVAL,
				Clock.systemUTC());
	}

	private static @Nullable Path embeddedDataDir(FaultlineProperties properties) {
		boolean embedded = "embedded".equals(properties.queue().type()) || "sqlite".equals(properties.metadata().type())
				|| "duckdb".equals(properties.events().type());
		return embedded ? properties.dataDir() : null;
	}

}
