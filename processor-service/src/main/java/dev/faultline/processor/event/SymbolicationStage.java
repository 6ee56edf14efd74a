package dev.faultline.processor.event;

import dev.faultline.core.normalize.EventTitles;
import dev.faultline.processor.pipeline.EnvelopeContext;
import dev.faultline.protocol.event.EventCodec;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stage that turns what a build's tooling made unreadable back into source terms
 * (ProGuard/R8 retracing of Java frames, source maps of minified JavaScript) before the
 * event is grouped, so that a shrunk or minified build groups with its readable self.
 *
 * <p>
 * It changes the normalized event tree in place: frames and exception types it could
 * resolve, the frames as sent kept in {@code raw_stacktrace} where they changed, and what
 * it could not resolve said in the event's {@code errors} (Sentry's event errors,
 * {@code {"type": …, …}}); where it changed frames or exception types it calls
 * {@link #retitle(ObjectNode)}, since normalization named the event (title, culprit,
 * metadata) from what was sent. A stage leaves events it has nothing to do with untouched
 * and must not throw for anything an event contains; an unreachable store is the one
 * failure it lets through (the envelope is retried). Implementations are thread-safe.
 */
public interface SymbolicationStage {

	/**
	 * Resolves what it can of {@code event}, which belongs to {@code envelope}'s project.
	 */
	void symbolicate(ObjectNode event, EnvelopeContext envelope);

	/**
	 * Names the event again (type, title, culprit, metadata, as normalization does) from
	 * its resolved exception types and frames.
	 */
	static void retitle(ObjectNode event) {
		EventTitles titles = EventTitles.of(EventCodec.decode(event));
		event.put("type", titles.type());
		event.put("title", titles.title());
		event.put("culprit", titles.culprit());
		ObjectNode metadata = event.putObject("metadata");
		titles.metadata().forEach(metadata::put);
	}

}
