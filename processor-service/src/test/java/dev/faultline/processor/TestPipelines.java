package dev.faultline.processor;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongFunction;

import dev.faultline.core.scrub.ScrubbingSettings;
import dev.faultline.processor.clientreport.ClientReportProcessor;
import dev.faultline.processor.event.EventProcessor;
import dev.faultline.processor.event.EventWriter;
import dev.faultline.processor.event.GroupingStage;
import dev.faultline.processor.event.IssueAssignmentStage;
import dev.faultline.processor.event.PreparedEvent;
import dev.faultline.processor.pipeline.EnvelopePipeline;
import dev.faultline.processor.pipeline.ItemRouter;
import dev.faultline.processor.pipeline.PreparedBatch;
import dev.faultline.processor.pipeline.ProjectProcessing;
import dev.faultline.storage.events.EventStore;
import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.metadata.ProjectSettings;
import dev.faultline.storage.queue.QueueRecord;
import tools.jackson.databind.node.ObjectNode;

/**
 * Pipelines as the processor wires them (the event and client report kinds), over the
 * given stores, for tests.
 */
public final class TestPipelines {

	private TestPipelines() {
	}

	/** The default settings of every project. */
	public static LongFunction<ProjectProcessing> defaults() {
		ProjectProcessing processing = ProjectProcessing.compile(ProjectSettings.DEFAULTS,
				ScrubbingSettings.defaultSettings());
		return (projectId) -> processing;
	}

	/** A pipeline for prepare-only tests: its stores are never touched. */
	public static Built pure() {
		return pure(new GroupingStage());
	}

	public static Built pure(GroupingStage grouping) {
		return build(null, null, grouping, defaults(), EnvelopePipeline.DEFAULT_BUDGET, (event) -> {
		});
	}

	public static Built embedded(MetadataStores metadata, EventStore events) {
		return embedded(metadata, events, new GroupingStage(), defaults());
	}

	public static Built embedded(MetadataStores metadata, EventStore events, GroupingStage grouping,
			LongFunction<ProjectProcessing> projects) {
		return build(metadata, events, grouping, projects, EnvelopePipeline.DEFAULT_BUDGET, (event) -> {
		});
	}

	public static Built build(MetadataStores metadata, EventStore events, GroupingStage grouping,
			LongFunction<ProjectProcessing> projects, Duration budget, Consumer<ObjectNode> hook) {
		EventWriter writer = (metadata != null)
				? new EventWriter(new IssueAssignmentStage(metadata.issues()), events, metadata.countedEvents())
				: new EventWriter(null, null, null);
		ItemRouter router = ItemRouter.of(Map.of("event", new EventProcessor(grouping, writer, hook), "client_report",
				new ClientReportProcessor()));
		return new Built(
				new EnvelopePipeline(router, projects, (metadata != null) ? metadata.deadLetters() : null, budget),
				writer);
	}

	/**
	 * A pipeline and its event writer, to read what a batch prepared for it.
	 */
	public record Built(EnvelopePipeline pipeline, EventWriter writer) {

		public Batch prepare(List<QueueRecord> records) {
			return new Batch(this.pipeline.prepare(records), this.writer);
		}

	}

	/**
	 * A prepared batch as tests read it.
	 */
	public record Batch(PreparedBatch batch, EventWriter writer) {

		public List<PreparedEvent> events() {
			return this.batch.pending(this.writer);
		}

		/**
		 * Per item type then {@code outcome/reason}, the items dropped while preparing.
		 */
		public Map<String, Map<String, Long>> dropped() {
			return this.batch.droppedByType();
		}

	}

}
