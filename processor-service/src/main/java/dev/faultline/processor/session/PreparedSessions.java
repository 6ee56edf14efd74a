package dev.faultline.processor.session;

import java.util.List;
import java.util.Objects;

import dev.faultline.storage.sessions.StoredSession;

/**
 * The session rows one envelope item became.
 *
 * @param projectId the project
 * @param itemType {@code session} or {@code sessions}
 * @param category the data category the item is counted in
 * @param sessions the rows to store
 * @param quantity what the accepted outcome counts (one per item, as Relay counts them)
 */
record PreparedSessions(long projectId, String itemType, String category, List<StoredSession> sessions, long quantity) {

	PreparedSessions {
		Objects.requireNonNull(itemType, "itemType");
		Objects.requireNonNull(category, "category");
		sessions = List.copyOf(sessions);
	}

}
