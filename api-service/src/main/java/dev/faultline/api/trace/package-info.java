/**
 * Traces of the Web API: the span tree of a trace across the organization's projects with
 * the errors that carry its id ({@code /organizations/{org}/trace/{trace_id}/}), its
 * counts ({@code trace-meta/}) and the legacy transaction tree ({@code events-trace/}).
 */
@NullMarked
package dev.faultline.api.trace;

import org.jspecify.annotations.NullMarked;
