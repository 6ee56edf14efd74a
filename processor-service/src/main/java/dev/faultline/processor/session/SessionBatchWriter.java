package dev.faultline.processor.session;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import dev.faultline.processor.pipeline.BatchWriter;
import dev.faultline.processor.pipeline.ItemOutcome;
import dev.faultline.storage.metadata.Outcome;
import dev.faultline.storage.metadata.OutcomeReasons;
import dev.faultline.storage.sessions.SessionWriter;
import dev.faultline.storage.sessions.StoredSession;

/**
 * Stores the session rows of a batch in one write of the sessions role, then accepts each
 * item. The role merges the updates of a session and is idempotent, so a retried or
 * replayed batch changes nothing. Thread-safe as its role is.
 */
final class SessionBatchWriter implements BatchWriter<PreparedSessions> {

	private final SessionWriter sessions;

	SessionBatchWriter(SessionWriter sessions) {
		this.sessions = sessions;
	}

	@Override
	public void write(List<PreparedSessions> values, Consumer<ItemOutcome> outcomes) {
		List<StoredSession> rows = new ArrayList<>();
		for (PreparedSessions value : values) {
			rows.addAll(value.sessions());
		}
		this.sessions.writeSessions(rows);
		for (PreparedSessions value : values) {
			outcomes.accept(new ItemOutcome(value.projectId(), value.itemType(), value.category(), Outcome.ACCEPTED,
					OutcomeReasons.NONE, value.quantity(), 1));
		}
	}

}
