package dev.faultline.core.search;

/**
 * Which store answers a search term.
 */
public enum Scope {

	/**
	 * Issue metadata (status, assignment, bookmarks, first/last seen, times seen):
	 * answered by the metadata store.
	 */
	ISSUE,

	/**
	 * What an event carries (level, release, environment, user, tags,
	 * title/message/culprit): answered by the event store, an issue matching when any of
	 * its events does.
	 */
	EVENT

}
