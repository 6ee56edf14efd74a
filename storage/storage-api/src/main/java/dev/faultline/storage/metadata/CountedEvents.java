package dev.faultline.storage.metadata;

import java.util.Collection;
import java.util.Map;

/**
 * The events already counted against an issue ({@link IssueStore#recordOccurrence}), by
 * event id: a role of the metadata store the processor asks to recognize an event id sent
 * a second time before it has any effect (a second issue, a count, an alert).
 * Thread-safe.
 */
public interface CountedEvents {

	/**
	 * For each of the given event ids of a project that was counted, the grouping hash it
	 * was counted with ({@link EventOccurrence#primaryHash()}); ids never counted (or
	 * whose issue was deleted) are absent. Any number of ids; none gives an empty map.
	 */
	Map<String, String> hashes(long projectId, Collection<String> eventIds);

}
