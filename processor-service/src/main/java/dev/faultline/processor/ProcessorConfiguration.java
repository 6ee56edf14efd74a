package dev.faultline.processor;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.faultline.boot.outcome.OutcomeRecorder;
import dev.faultline.processor.clientreport.ClientReportProcessor;
import dev.faultline.processor.event.EventProcessor;
import dev.faultline.processor.event.EventWriter;
import dev.faultline.processor.event.IssueAssignmentStage;
import dev.faultline.processor.housekeeping.ExpiredIgnoreWaker;
import dev.faultline.processor.housekeeping.RetentionSweeper;
import dev.faultline.processor.pipeline.EnvelopePipeline;
import dev.faultline.processor.pipeline.ItemOutcomes;
import dev.faultline.processor.pipeline.ItemProcessor;
import dev.faultline.processor.pipeline.ItemRouter;
import dev.faultline.processor.pipeline.ProcessorLoop;
import dev.faultline.processor.pipeline.ProcessorSettings;
import dev.faultline.processor.pipeline.ProjectProcessingCache;
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
 * Wires the pipeline, one processor per item kind, the consumer loop and the housekeeping
 * tasks onto the ports.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProcessorProperties.class)
class ProcessorConfiguration {

	@Bean
	ItemOutcomes processorItemOutcomes(ObjectProvider<MeterRegistry> registry, OutcomeRecorder recorder) {
		return new ItemOutcomes(registry.getIfAvailable(SimpleMeterRegistry::new), recorder);
	}

	@Bean
	EnvelopePipeline envelopePipeline(MetadataStores metadataStores, DeadLetterStore deadLetters, EventStore eventStore,
			ProcessorProperties properties) {
		return new EnvelopePipeline(router(metadataStores, eventStore, properties),
				new ProjectProcessingCache(metadataStores.projectSettings(), properties.scrubbing().settings(),
						ProjectProcessingCache.DEFAULT_TTL),
				deadLetters, properties.processingBudget(), properties.threads());
	}

	/**
	 * The kinds built so far; every other item type is dropped as unsupported.
	 */
	static ItemRouter router(MetadataStores metadataStores, EventStore eventStore, ProcessorProperties properties) {
		EventWriter events = new EventWriter(new IssueAssignmentStage(metadataStores.issues()), eventStore,
				metadataStores.countedEvents());
		Map<String, ItemProcessor> kinds = new LinkedHashMap<>();
		kinds.put("event", new EventProcessor(properties.grouping().stage(), events));
		kinds.put("client_report", new ClientReportProcessor());
		return ItemRouter.of(kinds);
	}

	@Bean
	ProcessorLoop processorLoop(EnvelopeQueue queue, EnvelopePipeline pipeline, ItemOutcomes outcomes,
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
	ProcessorHealthIndicator processorHealthIndicator(ProcessorLoop loop, ProcessorProperties properties) {
		return new ProcessorHealthIndicator(loop, properties.stallAfter());
	}

}
