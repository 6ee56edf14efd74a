package dev.faultline.processor.pipeline;

import java.time.Instant;

import dev.faultline.core.EventNodes;
import dev.faultline.protocol.EventIds;
import dev.faultline.protocol.envelope.Envelope;
import dev.faultline.storage.queue.QueueRecord;
import dev.faultline.storage.queue.QueuedEnvelope;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the items of one envelope share while they are processed: the queued record, the
 * envelope headers, the project's settings and the envelope's event. Items of one
 * envelope stay related through it: an attachment, a session or a user report sent with
 * an event refers to {@link #eventId()}, which the event kind settles before the other
 * items run. Used by one thread at a time.
 */
public final class EnvelopeContext {

	private final QueueRecord record;

	private final Envelope envelope;

	private final ProjectProcessing project;

	private final Instant now;

	private @Nullable String eventId;

	EnvelopeContext(QueueRecord record, Envelope envelope, ProjectProcessing project, Instant now) {
		this.record = record;
		this.envelope = envelope;
		this.project = project;
		this.now = now;
		String header = EventNodes.text(envelope.headers(), "event_id");
		this.eventId = (header != null) ? EventIds.tryNormalize(header).orElse(null) : null;
	}

	/** The project the envelope was authenticated for. */
	public long projectId() {
		return this.record.envelope().projectId();
	}

	/** The record's queue position, for logs and dead letters. */
	public String position() {
		return this.record.position();
	}

	/** The envelope as ingest queued it (receive time, client IP, user agent, bytes). */
	public QueuedEnvelope queued() {
		return this.record.envelope();
	}

	public ObjectNode headers() {
		return this.envelope.headers();
	}

	/** The project's compiled processing settings. */
	public ProjectProcessing project() {
		return this.project;
	}

	/** When the batch was prepared. */
	public Instant now() {
		return this.now;
	}

	/**
	 * The id of the envelope's event: the event item's once it was processed, else the
	 * envelope header's; null when the envelope carries no event.
	 */
	public @Nullable String eventId() {
		return this.eventId;
	}

	/** Records the id of the event the envelope's other items refer to. */
	public void eventId(String eventId) {
		this.eventId = eventId;
	}

}
