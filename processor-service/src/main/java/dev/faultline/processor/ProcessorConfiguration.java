package dev.faultline.processor;

import java.time.Clock;

import dev.faultline.storage.events.EventStore;
import dev.faultline.storage.metadata.DeadLetterStore;
import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.queue.EnvelopeQueue;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the processing pipeline and its consumer loop onto the ports.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProcessorProperties.class)
class ProcessorConfiguration {

	@Bean
	ItemOutcomes processorItemOutcomes(ObjectProvider<MeterRegistry> registry) {
		return new ItemOutcomes(registry.getIfAvailable(SimpleMeterRegistry::new));
	}

	@Bean
	EventPipeline eventPipeline(MetadataStores metadataStores, DeadLetterStore deadLetters, EventStore eventStore,
			ProcessorProperties properties) {
		return new EventPipeline(
				new IssueAssignmentStage(metadataStores.issues()), eventStore, deadLetters, metadataStores.outcomes(),
				properties.grouping().stage(), new ProjectProcessingCache(metadataStores.projectSettings(),
						properties.scrubbing().settings(), ProjectProcessingCache.DEFAULT_TTL),
				properties.processingBudget(), (event) -> {
				});
	}

	@Bean
	ProcessorLoop processorLoop(EnvelopeQueue queue, EventPipeline pipeline, ItemOutcomes outcomes,
			ProcessorProperties properties) {
		ProcessorSettings settings = ProcessorSettings.defaults();
		settings.requireWithin(queue.pollDeadline(), properties.processingBudget());
		return new ProcessorLoop(queue, pipeline, outcomes, settings);
	}

	@Bean
	RetentionSweeper retentionSweeper(EventStore eventStore, ProcessorProperties properties) {
		return new RetentionSweeper(eventStore, properties.retention(), Clock.systemUTC());
	}

	@Bean
	ExpiredIgnoreWaker expiredIgnoreWaker(MetadataStores metadataStores, ProcessorProperties properties) {
		return new ExpiredIgnoreWaker(metadataStores.issues(), properties.ignoreWakeInterval(), Clock.systemUTC());
	}

	@Bean
	ProcessorHealthIndicator processorHealthIndicator(ProcessorLoop loop) {
		return new ProcessorHealthIndicator(loop);
	}

}
