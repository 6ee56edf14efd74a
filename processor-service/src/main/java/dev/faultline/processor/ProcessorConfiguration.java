package dev.faultline.processor;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.faultline.alerts.AlertCandidate;
import dev.faultline.boot.outcome.OutcomeRecorder;
import dev.faultline.processor.alert.IssueAlertQueue;
import dev.faultline.processor.clientreport.ClientReportProcessor;
import dev.faultline.processor.event.EventProcessor;
import dev.faultline.processor.event.EventWriter;
import dev.faultline.processor.event.IssueAssignmentStage;
import dev.faultline.processor.event.SymbolicationStage;
import dev.faultline.processor.housekeeping.ExpiredIgnoreWaker;
import dev.faultline.processor.housekeeping.RetentionSweeper;
import dev.faultline.processor.performance.PerformanceIssueFinder;
import dev.faultline.processor.performance.PerformanceIssueStage;
import dev.faultline.processor.performance.PerformanceIssueWriter;
import dev.faultline.processor.performance.PerformanceSettingsCache;
import dev.faultline.processor.retrace.ProguardMappings;
import dev.faultline.processor.retrace.ProguardStage;
import dev.faultline.processor.pipeline.EnvelopePipeline;
import dev.faultline.processor.pipeline.ItemOutcomes;
import dev.faultline.processor.pipeline.ItemProcessor;
import dev.faultline.processor.pipeline.ItemRouter;
import dev.faultline.processor.pipeline.ProcessorLoop;
import dev.faultline.processor.pipeline.ProcessorSettings;
import dev.faultline.processor.pipeline.ProjectProcessingCache;
import dev.faultline.processor.session.SessionProcessor;
import dev.faultline.processor.span.SpanBatchWriter;
import dev.faultline.processor.span.SpanStreamProcessor;
import dev.faultline.processor.span.TransactionProcessor;
import dev.faultline.storage.backup.StoreBarrier;
import dev.faultline.storage.events.EventMaintenance;
import dev.faultline.storage.metadata.DeadLetterStore;
import dev.faultline.storage.metadata.IssueWorkflow;
import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.queue.EnvelopeQueue;
import dev.faultline.storage.sessions.SessionWriter;
import dev.faultline.storage.spans.SpanWriter;
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
	EnvelopePipeline envelopePipeline(MetadataStores metadataStores, DeadLetterStore deadLetters,
			dev.faultline.storage.events.EventWriter eventWriter, SpanWriter spanWriter, SessionWriter sessionWriter,
			ProcessorProperties properties, IssueAlertQueue issueAlerts) {
		return new EnvelopePipeline(
				router(metadataStores, eventWriter, spanWriter, sessionWriter, properties, issueAlerts),
				new ProjectProcessingCache(metadataStores.projectSettings(), properties.scrubbing().settings(),
						ProjectProcessingCache.DEFAULT_TTL),
				deadLetters, properties.processingBudget(), properties.threads());
	}

	/**
	 * The kinds built so far; every other item type is dropped as unsupported. Each stage
	 * gets the narrow role it uses: retracing the debug files, grouping
	 * {@code IssueGrouping}, the writer the event store's write role, transactions and
	 * span streams the spans role's writer; the performance issues found in their
	 * segments are stored through the events' writer; session updates and aggregates the
	 * sessions role's writer.
	 */
	static ItemRouter router(MetadataStores metadataStores, dev.faultline.storage.events.EventWriter eventWriter,
			SpanWriter spanWriter, SessionWriter sessionWriter, ProcessorProperties properties) {
		return router(metadataStores, eventWriter, spanWriter, sessionWriter, properties, (candidates) -> {
		});
	}

	/**
	 * The kinds with the stored events of each batch handed to {@code issueAlerts}.
	 */
	static ItemRouter router(MetadataStores metadataStores, dev.faultline.storage.events.EventWriter eventWriter,
			SpanWriter spanWriter, SessionWriter sessionWriter, ProcessorProperties properties,
			Consumer<List<AlertCandidate>> issueAlerts) {
		EventWriter events = new EventWriter(new IssueAssignmentStage(metadataStores.issues()), eventWriter,
				metadataStores.countedEvents(), issueAlerts);
		Map<String, ItemProcessor> kinds = new LinkedHashMap<>();
		List<SymbolicationStage> symbolication = List
			.of(new ProguardStage(new ProguardMappings(metadataStores.debugFiles())));
		kinds.put("event", new EventProcessor(symbolication, properties.grouping().stage(), events));
		kinds.put("client_report", new ClientReportProcessor());
		SpanBatchWriter spans = new SpanBatchWriter(spanWriter);
		PerformanceIssueStage performance = new PerformanceIssueStage(new PerformanceIssueFinder(
				new PerformanceSettingsCache(metadataStores.projectSettings(), ProjectProcessingCache.DEFAULT_TTL)),
				new PerformanceIssueWriter(events));
		kinds.put("transaction", new TransactionProcessor(spans, performance));
		kinds.put("span", new SpanStreamProcessor(spans, performance));
		SessionProcessor sessions = new SessionProcessor(sessionWriter);
		kinds.put("session", sessions);
		kinds.put("sessions", sessions);
		return ItemRouter.of(kinds);
	}

	@Bean
	ProcessorLoop processorLoop(EnvelopeQueue queue, EnvelopePipeline pipeline, ItemOutcomes outcomes,
			ProcessorProperties properties, StoreBarrier storeBarrier) {
		ProcessorSettings settings = ProcessorSettings.defaults();
		settings.requireWithin(queue.pollDeadline(), properties.processingBudget());
		return new ProcessorLoop(queue, pipeline, outcomes, settings, storeBarrier);
	}

	@Bean
	RetentionSweeper retentionSweeper(EventMaintenance eventMaintenance, ProcessorProperties properties) {
		return new RetentionSweeper(eventMaintenance, properties.retention(), Clock.systemUTC());
	}

	@Bean
	ExpiredIgnoreWaker expiredIgnoreWaker(IssueWorkflow issueWorkflow, ProcessorProperties properties) {
		return new ExpiredIgnoreWaker(issueWorkflow, properties.ignoreWakeInterval(), Clock.systemUTC());
	}

	@Bean
	ProcessorHealthIndicator processorHealthIndicator(ProcessorLoop loop, ProcessorProperties properties) {
		return new ProcessorHealthIndicator(loop, properties.stallAfter());
	}

}
