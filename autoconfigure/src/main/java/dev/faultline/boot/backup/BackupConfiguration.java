package dev.faultline.boot.backup;

import java.time.Clock;

import dev.faultline.boot.FaultlineProperties;
import dev.faultline.storage.backup.StoreBarrier;
import dev.faultline.storage.events.EventStorage;
import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.queue.EnvelopeQueue;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Provides {@link EmbeddedBackups} to a process that has the queue and both stores.
 */
@Configuration(proxyBeanMethods = false)
public class BackupConfiguration {

	@Bean
	EmbeddedBackups embeddedBackups(EnvelopeQueue queue, MetadataStores metadata, EventStorage events,
			StoreBarrier storeBarrier, FaultlineProperties properties) {
		return new EmbeddedBackups(queue, metadata, events, storeBarrier, properties.dataDir(),
				properties.backup().root(properties.dataDir()), Clock.systemUTC());
	}

}
