package dev.faultline.boot;

import java.time.Clock;

import dev.faultline.storage.metadata.DeadLetterStore;
import dev.faultline.storage.metadata.MetadataStores;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The dead letters for the services that park (processor) and administer (API) them:
 * payloads sealed at rest by {@link DeadLetterSeal}, swept after
 * {@code faultline.dead-letters.retention}. Services use the {@link DeadLetterStore} bean
 * rather than {@link MetadataStores#deadLetters()}, which stores payloads as given.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FaultlineProperties.class)
@Import(MetadataConfiguration.class)
public class DeadLetterConfiguration {

	@Bean
	DeadLetterSeal deadLetterSeal(FaultlineProperties properties) {
		return DeadLetterSeal.from(properties);
	}

	@Bean
	DeadLetterStore deadLetterStore(MetadataStores stores, DeadLetterSeal seal) {
		return new SealingDeadLetterStore(stores.deadLetters(), seal);
	}

	@Bean
	RetentionSweep deadLetterRetention(DeadLetterStore deadLetterStore, FaultlineProperties properties) {
		return new RetentionSweep("dead letters", properties.deadLetters().retention(), Clock.systemUTC(),
				deadLetterStore::deleteParkedBefore);
	}

}
