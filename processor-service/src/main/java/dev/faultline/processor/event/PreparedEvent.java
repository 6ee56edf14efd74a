package dev.faultline.processor.event;

import java.time.Instant;
import java.util.Objects;

import dev.faultline.core.grouping.GroupingResult;
import dev.faultline.protocol.envelope.EnvelopeItem;
import dev.faultline.protocol.event.Event;
import dev.faultline.protocol.event.EventCodec;
import dev.faultline.storage.metadata.Issue;

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
 * @param payload the event as stored: its JSON text, written while preparing (on as many
 * threads as prepare) rather than by the one thread that stores
 */
public record PreparedEvent(long projectId, String position, Instant receivedAt, Event event, GroupingResult grouping,
		EnvelopeItem item, String payload) {

	/**
	 * A prepared event whose payload is the event's JSON text.
	 */
	public PreparedEvent(long projectId, String position, Instant receivedAt, Event event, GroupingResult grouping,
			EnvelopeItem item) {
		this(projectId, position, receivedAt, event, grouping, item, EventCodec.encode(event));
	}

	public PreparedEvent {
		Objects.requireNonNull(position, "position");
		Objects.requireNonNull(receivedAt, "receivedAt");
		Objects.requireNonNull(event, "event");
		Objects.requireNonNull(grouping, "grouping");
		Objects.requireNonNull(item, "item");
		Objects.requireNonNull(payload, "payload");
	}

	/**
	 * The type of the issue it belongs to: for a performance issue occurrence the
	 * performance issue type its grouping names ({@code performance_*}, the detector that
	 * grouped it), otherwise the event's type ({@code default} when it has none).
	 */
	public String issueType() {
		if (this.grouping.variant().startsWith(Issue.PERFORMANCE_TYPE_PREFIX)) {
			return this.grouping.variant();
		}
		return Objects.requireNonNullElse(this.event.type(), "default");
	}

	public String eventId() {
		return Objects.requireNonNullElse(this.event.eventId(), "");
	}

}
