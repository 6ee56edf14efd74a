package dev.faultline.processor;

import java.time.Instant;
import java.util.Objects;

import dev.faultline.core.grouping.GroupingResult;
import dev.faultline.protocol.event.Event;

/**
 * An event that passed the pure stages (decode, parse, normalize, group) and waits to be
 * stored.
 *
 * @param projectId the project the envelope was authenticated for
 * @param position the queue position of its record, for logs
 * @param receivedAt when ingest received it
 * @param event the normalized, scrubbed and grouped event
 * @param grouping its grouping
 */
record PreparedEvent(long projectId, String position, Instant receivedAt, Event event, GroupingResult grouping) {

	PreparedEvent {
		Objects.requireNonNull(position, "position");
		Objects.requireNonNull(receivedAt, "receivedAt");
		Objects.requireNonNull(event, "event");
		Objects.requireNonNull(grouping, "grouping");
	}

	String eventId() {
		return Objects.requireNonNullElse(this.event.eventId(), "");
	}

}
