package dev.faultline.storage.sessions;

import java.util.List;

/**
 * The sessions role's write side: the processor's only need.
 *
 * <p>
 * Contract (storage TCK, {@code SessionStoreContract}): the store keeps one row per
 * {@code (projectId, sessionId)} and merges every write of a session into it as
 * {@link StoredSession#merge} does, whatever the order in which the updates arrive: the
 * session is started once any update with {@code init} was written; its status is that of
 * the update with the greatest {@link StoredSession#version() version} (so an update with
 * a lower {@code seq} than one stored changes no status); its error count is the greatest
 * written. Writing an update again changes nothing (replays are idempotent). Queries see
 * the merged row ({@code Datasets.SESSIONS}). Thread-safe.
 */
public interface SessionWriter {

	/**
	 * Writes a batch durably; returns once it is stored and visible to queries.
	 * @param sessions the updates, in any order, a session possibly several times
	 */
	void writeSessions(List<StoredSession> sessions);

}
