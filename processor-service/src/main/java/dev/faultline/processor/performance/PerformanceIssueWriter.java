package dev.faultline.processor.performance;

import java.util.List;
import java.util.function.Consumer;

import dev.faultline.processor.event.EventWriter;
import dev.faultline.processor.event.PreparedEvent;
import dev.faultline.processor.pipeline.BatchWriter;
import dev.faultline.processor.pipeline.ItemOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores performance issue occurrences through the error path's {@link EventWriter}
 * (issue assignment, event rows, counts, exactly once per occurrence id). An occurrence
 * is not an item the client sent: the item that carried its segment has its outcome from
 * the span writer, so the occurrences' own outcomes are not counted. Thread-safe.
 */
public final class PerformanceIssueWriter implements BatchWriter<PreparedEvent> {

	private static final Logger logger = LoggerFactory.getLogger(PerformanceIssueWriter.class);

	private final EventWriter events;

	public PerformanceIssueWriter(EventWriter events) {
		this.events = events;
	}

	@Override
	public void write(List<PreparedEvent> values, Consumer<ItemOutcome> outcomes) {
		this.events.write(values, (outcome) -> logger.debug("Performance issue occurrence of project {}: {} {}",
				outcome.projectId(), outcome.outcome(), outcome.reason()));
	}

}
