package dev.faultline.processor.event;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import dev.faultline.alerts.AlertCandidate;
import dev.faultline.processor.pipeline.BatchWriter;
import dev.faultline.processor.pipeline.ItemOutcome;
import dev.faultline.storage.events.StoredEvent;
import dev.faultline.storage.metadata.CountedEvents;
import dev.faultline.storage.metadata.EventOccurrence;
import dev.faultline.storage.metadata.Issue;
import dev.faultline.storage.metadata.IssueStatus;
import dev.faultline.storage.metadata.Outcome;
import dev.faultline.storage.metadata.OutcomeReasons;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores a batch's events, with the stages that need the stores.
 * <ol>
 * <li>Duplicates, recognized before anything has an effect: a second copy of an event id
 * in the batch, and an event id already counted with another grouping hash (sent again
 * with different content) are dropped as {@code invalid}/{@code duplicate}. Without this
 * the second copy would create a second issue that its count, refused as a repeat, leaves
 * at zero — a phantom a "new issue" alert would fire for. An id counted with the same
 * hash (a replay of this very batch after a crash between counting and committing, or the
 * same event sent again) is accepted without being written again: it is counted, so it is
 * stored (storing comes first, below), and a second write could add a second row where
 * the copy differs in a sorting column — an event without its own timestamp takes the
 * time its envelope was received, and a resend is received later.</li>
 * <li>Issues: one {@code findOrCreate} per grouping hash; an event of a discarded hash is
 * dropped as {@code filtered}/{@code discarded-hash}.</li>
 * <li>One {@link dev.faultline.storage.events.EventWriter#write} (idempotent per event
 * id), then the occurrences in one metadata transaction (exactly once per event id).
 * Writing first keeps replay exact: an event is counted only once it is stored, so a
 * crash in between leaves it uncounted and the replay counts it.</li>
 * <li>The stored events go to the issue alerts with what only this step saw: whether the
 * event's issue was new (seen 0 times when looked up; the first event of its group in the
 * batch) and the issue's status before the event (resolved: the event may be a
 * regression). The alerts' consumer takes them off the hot path.</li>
 * </ol>
 * Thread-safe.
 */
public final class EventWriter implements BatchWriter<PreparedEvent> {

	private static final Logger logger = LoggerFactory.getLogger(EventWriter.class);

	private final IssueAssignmentStage issues;

	private final dev.faultline.storage.events.EventWriter events;

	private final CountedEvents counted;

	private final StoredEventMapper mapper = new StoredEventMapper();

	private final Consumer<List<AlertCandidate>> alerts;

	public EventWriter(IssueAssignmentStage issues, dev.faultline.storage.events.EventWriter events,
			CountedEvents counted) {
		this(issues, events, counted, (candidates) -> {
		});
	}

	/**
	 * @param alerts receives the stored events of each batch (after they are stored and
	 * counted); must not block
	 */
	public EventWriter(IssueAssignmentStage issues, dev.faultline.storage.events.EventWriter events,
			CountedEvents counted, Consumer<List<AlertCandidate>> alerts) {
		this.issues = issues;
		this.events = events;
		this.counted = counted;
		this.alerts = alerts;
	}

	@Override
	public void write(List<PreparedEvent> values, Consumer<ItemOutcome> outcomes) {
		List<PreparedEvent> fresh = uncounted(values, outcomes);
		List<StoredEvent> rows = new ArrayList<>(fresh.size());
		List<EventOccurrence> occurrences = new ArrayList<>(fresh.size());
		List<PreparedEvent> accepted = new ArrayList<>(fresh.size());
		List<AlertCandidate> candidates = new ArrayList<>(fresh.size());
		Map<String, Optional<Issue>> issuesByHash = new HashMap<>();
		for (PreparedEvent event : fresh) {
			String key = event.projectId() + ":" + event.grouping().hash();
			boolean firstOfGroup = !issuesByHash.containsKey(key);
			Optional<Issue> issue = issuesByHash.computeIfAbsent(key, (ignored) -> this.issues.findOrCreate(event));
			if (issue.isEmpty()) {
				logger.debug("Dropping event {} of project {}: its grouping hash was discarded", event.eventId(),
						event.projectId());
				outcomes.accept(outcome(event, Outcome.FILTERED, OutcomeReasons.DISCARDED_HASH));
				continue;
			}
			long issueId = issue.get().id();
			occurrences.add(this.issues.occurrence(event, issueId));
			StoredEvent row = this.mapper.map(event, issueId);
			rows.add(row);
			accepted.add(event);
			candidates.add(firstOfGroup ? new AlertCandidate(row, issue.get().timesSeen() == 0, issue.get().status())
					: new AlertCandidate(row, false, IssueStatus.UNRESOLVED));
		}
		if (!rows.isEmpty()) {
			this.events.write(rows);
			this.issues.record(occurrences);
			this.alerts.accept(candidates);
		}
		for (PreparedEvent event : accepted) {
			outcomes.accept(outcome(event, Outcome.ACCEPTED, OutcomeReasons.NONE));
		}
	}

	/**
	 * The events of the batch not counted yet; the others get their outcome here.
	 */
	private List<PreparedEvent> uncounted(List<PreparedEvent> values, Consumer<ItemOutcome> outcomes) {
		Map<String, PreparedEvent> first = new LinkedHashMap<>();
		Map<Long, List<String>> idsByProject = new LinkedHashMap<>();
		for (PreparedEvent event : values) {
			if (first.putIfAbsent(event.projectId() + ":" + event.eventId(), event) != null) {
				outcomes.accept(outcome(event, Outcome.INVALID, OutcomeReasons.DUPLICATE));
				continue;
			}
			idsByProject.computeIfAbsent(event.projectId(), (key) -> new ArrayList<>()).add(event.eventId());
		}
		Map<Long, Map<String, String>> countedHashes = new HashMap<>();
		idsByProject.forEach((projectId, ids) -> countedHashes.put(projectId, this.counted.hashes(projectId, ids)));
		List<PreparedEvent> fresh = new ArrayList<>(first.size());
		for (PreparedEvent event : first.values()) {
			String countedHash = countedHashes.get(event.projectId()).get(event.eventId());
			if (countedHash == null) {
				fresh.add(event);
			}
			else if (countedHash.equals(event.grouping().hash())) {
				outcomes.accept(outcome(event, Outcome.ACCEPTED, OutcomeReasons.NONE));
			}
			else {
				logger.debug("Dropping event {} of project {}: its id was already processed", event.eventId(),
						event.projectId());
				outcomes.accept(outcome(event, Outcome.INVALID, OutcomeReasons.DUPLICATE));
			}
		}
		return fresh;
	}

	private static ItemOutcome outcome(PreparedEvent event, Outcome outcome, String reason) {
		return ItemOutcome.of(event.projectId(), event.item(), outcome, reason);
	}

}
