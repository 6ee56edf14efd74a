package dev.faultline.processor.event;

import java.time.Instant;
import java.util.Objects;

import dev.faultline.core.grouping.GroupingResult;
import dev.faultline.protocol.envelope.EnvelopeItem;
import dev.faultline.protocol.event.Event;

/**
 * An event that passed the pure stages (decode, normalize, scrub, group) and waits to be
 * stored.
 *
 * @param projectId the project the envelope was authenticated for
 * @param position the queue position of its record, for logs
 * @param receivedAt when ingest received it
 * @param event the normalized, scrubbed and grouped event
 * @param grouping its grouping
 * @param item the envelope item it came from (for its outcome)
 */
public record PreparedEvent(long projectId, String position, Instant receivedAt, Event event, GroupingResult grouping,
		EnvelopeItem item) {

	public PreparedEvent {
		Objects.requireNonNull(position, "position");
		Objects.requireNonNull(receivedAt, "receivedAt");
		Objects.requireNonNull(event, "event");
		Objects.requireNonNull(grouping, "grouping");
		Objects.requireNonNull(item, "item");
	}

	public String eventId() {
		return Objects.requireNonNullElse(this.event.eventId(), "");
	}

}
