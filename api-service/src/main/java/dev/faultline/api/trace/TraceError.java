package dev.faultline.api.trace;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * An error event (or performance issue occurrence) that carries a trace's id.
 *
 * @param eventId the event id
 * @param issueId the issue it belongs to
 * @param projectId its project
 * @param projectSlug the project's slug
 * @param spanId the span its {@code contexts.trace.span_id} names, or null
 * @param title the event's title
 * @param level its level
 * @param culprit its culprit
 * @param transaction its transaction name, or null
 * @param shortId the issue's short id, or null when the issue is gone
 * @param issueType {@code error} or the performance issue's type
 * @param timestamp when it happened
 */
record TraceError(String eventId, long issueId, long projectId, String projectSlug, @Nullable String spanId,
		String title, String level, String culprit, @Nullable String transaction, @Nullable String shortId,
		String issueType, Instant timestamp) {

	TraceError {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(issueType, "issueType");
	}

	/** Whether this is a performance issue's occurrence rather than an error. */
	boolean occurrence() {
		return !"error".equals(this.issueType);
	}

}
