package dev.faultline.storage.metadata;

/**
 * Issues and their counters: every role in one interface, for the adapters and the
 * callers that need several. Roles: {@link IssueGrouping} (the processor's needs),
 * {@link IssueReader}, {@link IssueWorkflow}, {@link IssueUserState} and
 * {@link IssueComments}; a new capability adds a role rather than widening one.
 * Thread-safe; safe to call from several processor instances at once.
 */
public interface IssueStore extends IssueGrouping, IssueReader, IssueWorkflow, IssueUserState, IssueComments {

}
