package dev.faultline.processor;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.LongFunction;

import dev.faultline.core.scrub.ScrubbingSettings;
import dev.faultline.protocol.envelope.DataCategories;
import dev.faultline.protocol.envelope.Envelope;
import dev.faultline.protocol.envelope.EnvelopeItem;
import dev.faultline.protocol.envelope.EnvelopeParseException;
import dev.faultline.protocol.event.EventCodec;
import dev.faultline.storage.events.EventStore;
import dev.faultline.storage.events.StoredEvent;
import dev.faultline.storage.metadata.DeadLetter;
import dev.faultline.storage.metadata.DeadLetterStore;
import dev.faultline.storage.metadata.EventOccurrence;
import dev.faultline.storage.metadata.OutcomeCount;
import dev.faultline.storage.metadata.OutcomeStore;
import dev.faultline.storage.metadata.ProjectSettings;
import dev.faultline.storage.queue.QueueRecord;
import dev.faultline.storage.queue.QueuedEnvelope;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The processing of one polled batch, in two phases.
 * <ol>
 * <li>{@link #prepare}: decode, parse, normalize, scrub and group, without I/O. Never
 * throws for bad input: a record that is not an envelope is a poison record (logged with
 * its queue position, never its payload) and an item that cannot be processed is invalid;
 * both are dropped with one outcome each and parked as a {@link DeadLetter} (reason,
 * queue position, item index, bytes), so they never block the queue yet stay inspectable.
 * Item types other than {@code event} are dropped as {@code unsupported} for now.</li>
 * <li>{@link #store}: park the dead letters, assign issues and write the events in one
 * {@link EventStore#write} call. An event whose grouping hash the project discarded is
 * neither counted nor written: it is dropped as {@link ItemOutcomes#FILTERED} with reason
 * {@link ItemOutcomes#DISCARDED_HASH}, added to the {@link OutcomeStore} last. Idempotent
 * but for those outcome counts (occurrences count once per event id, event writes
 * dedupe), so a failed call is retried with the same batch; store failures propagate. A
 * batch replayed after a crash between storing and the queue commit counts its filtered
 * events twice in the outcome store (statistics, not data).</li>
 * </ol>
 * Thread-safe as long as its stores are.
 */
final class EventPipeline {

	private static final Logger logger = LoggerFactory.getLogger(EventPipeline.class);

	private static final String EVENT = "event";

	/** The budget of the constructors without one (tests). */
	static final Duration DEFAULT_BUDGET = Duration.ofSeconds(3);

	private final EnvelopeDecodingStage decoding = new EnvelopeDecodingStage();

	private final EventParsingStage parsing = new EventParsingStage();

	private final NormalizationStage normalization = new NormalizationStage();

	private final LongFunction<ProjectProcessing> projects;

	private final GroupingStage grouping;

	private final UserAgentStage userAgents = new UserAgentStage();

	private final IssueAssignmentStage issues;

	private final StoredEventMapper mapper = new StoredEventMapper();

	private final EventStore events;

	private final @Nullable DeadLetterStore deadLetters;

	private final @Nullable OutcomeStore outcomes;

	private final ProcessingBudget budget;

	/** Runs on every event after normalization; a test hook (no-op otherwise). */
	private final Consumer<ObjectNode> afterNormalization;

	EventPipeline(IssueAssignmentStage issues, EventStore events) {
		this(issues, events, null, ScrubbingSettings.defaultSettings());
	}

	EventPipeline(IssueAssignmentStage issues, EventStore events, ScrubbingSettings scrubbing) {
		this(issues, events, null, scrubbing);
	}

	/**
	 * @param deadLetters where poison records and invalid items are parked; null only in
	 * tests, where they are just counted
	 */
	EventPipeline(IssueAssignmentStage issues, EventStore events, @Nullable DeadLetterStore deadLetters,
			ScrubbingSettings scrubbing) {
		this(issues, events, deadLetters, scrubbing, new GroupingStage());
	}

	EventPipeline(IssueAssignmentStage issues, EventStore events, @Nullable DeadLetterStore deadLetters,
			ScrubbingSettings scrubbing, GroupingStage grouping) {
		this(issues, events, deadLetters, grouping, fixed(scrubbing));
	}

	/**
	 * @param projects each project's scrubbing and grouping settings (looked up once per
	 * record; a failure propagates out of {@link #prepare}, so the batch comes again)
	 */
	EventPipeline(IssueAssignmentStage issues, EventStore events, @Nullable DeadLetterStore deadLetters,
			GroupingStage grouping, LongFunction<ProjectProcessing> projects) {
		this(issues, events, deadLetters, null, grouping, projects);
	}

	EventPipeline(IssueAssignmentStage issues, EventStore events, @Nullable DeadLetterStore deadLetters,
			@Nullable OutcomeStore outcomes, GroupingStage grouping, LongFunction<ProjectProcessing> projects) {
		this(issues, events, deadLetters, outcomes, grouping, projects, DEFAULT_BUDGET, (event) -> {
		});
	}

	/**
	 * @param outcomes where filtered events are counted for {@code stats_v2}; null only
	 * in tests, where they are only counted by the {@link ProcessorLoop}'s meters
	 * @param budget the longest time one envelope's items may take to prepare
	 * @param afterNormalization runs on every normalized event (a test hook)
	 */
	EventPipeline(IssueAssignmentStage issues, EventStore events, @Nullable DeadLetterStore deadLetters,
			@Nullable OutcomeStore outcomes, GroupingStage grouping, LongFunction<ProjectProcessing> projects,
			Duration budget, Consumer<ObjectNode> afterNormalization) {
		this.issues = issues;
		this.events = events;
		this.deadLetters = deadLetters;
		this.outcomes = outcomes;
		this.grouping = grouping;
		this.projects = projects;
		this.budget = new ProcessingBudget(budget);
		this.afterNormalization = afterNormalization;
	}

	private static LongFunction<ProjectProcessing> fixed(ScrubbingSettings scrubbing) {
		ProjectProcessing processing = ProjectProcessing.compile(ProjectSettings.DEFAULTS, scrubbing);
		return (projectId) -> processing;
	}

	PreparedBatch prepare(List<QueueRecord> records) {
		Map<String, PreparedEvent> prepared = new LinkedHashMap<>();
		List<ItemDrop> drops = new ArrayList<>();
		List<DeadLetter> letters = new ArrayList<>();
		Instant now = Instant.now();
		for (QueueRecord record : records) {
			QueuedEnvelope queued = record.envelope();
			Envelope envelope;
			try {
				// Framing is linear in the body's size and checked by ingest already, so
				// it runs outside the budget: a timed-out envelope's items are known.
				envelope = this.decoding.decode(record.envelope());
			}
			catch (EnvelopeParseException ex) {
				logger.warn("Dropping poison record at queue position {} of project {}: {}", record.position(),
						record.envelope().projectId(), ex.reason());
				drops.add(new ItemDrop(queued.projectId(), "envelope", ItemOutcomes.POISON, "", 1));
				letters.add(new DeadLetter(0, queued.projectId(), record.position(), -1, "envelope",
						ItemOutcomes.POISON, String.valueOf(ex.reason()), queued.body(), queued.receivedAt(), now));
				continue;
			}
			// Outside the per-item handling and the budget: a settings lookup failure or
			// a slow metadata store is not the envelope's fault.
			ProjectProcessing project = this.projects.apply(queued.projectId());
			PreparedBatch result = this.budget.run(() -> prepareRecord(record, envelope, project, now));
			if (result == null) {
				logger.warn("Dropping the envelope at queue position {} of project {}: its processing exceeded {}",
						record.position(), queued.projectId(), this.budget.limit());
				for (EnvelopeItem item : envelope.items()) {
					drops.add(new ItemDrop(queued.projectId(), item.type(), ItemOutcomes.INVALID,
							ItemOutcomes.PROCESSING_TIMEOUT, 1));
				}
				letters.add(new DeadLetter(0, queued.projectId(), record.position(), -1, "envelope",
						ItemOutcomes.PROCESSING_TIMEOUT, "processing exceeded the budget of " + this.budget.limit(),
						queued.body(), queued.receivedAt(), now));
				continue;
			}
			for (PreparedEvent event : result.events()) {
				if (prepared.putIfAbsent(event.projectId() + ":" + event.eventId(), event) != null) {
					drops.add(new ItemDrop(queued.projectId(), EVENT, ItemOutcomes.DUPLICATE, "", 1));
				}
			}
			drops.addAll(result.drops());
			letters.addAll(result.deadLetters());
		}
		return new PreparedBatch(new ArrayList<>(prepared.values()), drops, letters);
	}

	/**
	 * The items of one envelope, within the processing budget; pure.
	 */
	private PreparedBatch prepareRecord(QueueRecord record, Envelope envelope, ProjectProcessing project, Instant now) {
		QueuedEnvelope queued = record.envelope();
		List<PreparedEvent> events = new ArrayList<>();
		List<ItemDrop> drops = new ArrayList<>();
		List<DeadLetter> letters = new ArrayList<>();
		for (int index = 0; index < envelope.items().size(); index++) {
			EnvelopeItem item = envelope.items().get(index);
			if (!EVENT.equals(item.type())) {
				logger.debug("Skipping {} item at queue position {}", item.type(), record.position());
				drops.add(new ItemDrop(queued.projectId(), item.type(), ItemOutcomes.UNSUPPORTED, "", 1));
				continue;
			}
			try {
				events.add(prepareEvent(record, envelope, item, project));
			}
			catch (RuntimeException ex) {
				// Bad input must never stop the loop; the reason is logged, the payload
				// is not.
				logger.warn("Dropping invalid event item at queue position {} of project {}: {}", record.position(),
						record.envelope().projectId(), ex.toString());
				drops.add(new ItemDrop(queued.projectId(), item.type(), ItemOutcomes.INVALID, "", 1));
				letters.add(new DeadLetter(0, queued.projectId(), record.position(), index, item.type(),
						ItemOutcomes.INVALID, detail(ex), item.payload(), queued.receivedAt(), now));
			}
		}
		return new PreparedBatch(events, drops, letters);
	}

	/**
	 * The cause of an invalid item as stored with its dead letter: our own reasons in
	 * full, anything else by exception type only, since messages of parsers and libraries
	 * may quote the payload.
	 */
	private static String detail(RuntimeException ex) {
		return (ex instanceof InvalidItemException) ? String.valueOf(ex.getMessage()) : ex.getClass().getName();
	}

	private PreparedEvent prepareEvent(QueueRecord record, Envelope envelope, EnvelopeItem item,
			ProjectProcessing project) {
		QueuedEnvelope queued = record.envelope();
		ObjectNode raw = this.parsing.parse(item);
		ObjectNode normalized = this.normalization.normalize(raw, queued, envelope.headers());
		this.afterNormalization.accept(normalized);
		this.userAgents.enrich(normalized);
		project.scrubber().scrub(normalized);
		// From here on the event is read through the typed model; the tree was for the
		// stages that must see every field (trimming, scrubbing).
		GroupingStage.Grouped grouped = this.grouping.group(EventCodec.decode(normalized), project);
		return new PreparedEvent(queued.projectId(), record.position(), queued.receivedAt(), grouped.event(),
				grouped.result());
	}

	/**
	 * Stores the batch's events; returns how many were written and how many were dropped
	 * for a discarded grouping hash.
	 * @throws RuntimeException whatever the stores throw; the batch is to be retried
	 */
	StoreResult store(PreparedBatch batch) {
		if (this.deadLetters != null) {
			for (DeadLetter letter : batch.deadLetters()) {
				this.deadLetters.park(letter);
			}
		}
		if (batch.events().isEmpty()) {
			recordOutcomes(Map.of(), batch.drops());
			return StoreResult.NOTHING;
		}
		List<StoredEvent> rows = new ArrayList<>(batch.events().size());
		List<EventOccurrence> occurrences = new ArrayList<>(batch.events().size());
		Map<Long, Long> discarded = new LinkedHashMap<>();
		// One issue lookup per grouping hash (a discarded hash included, as empty) and
		// one
		// metadata transaction per batch.
		Map<String, OptionalLong> issueIds = new HashMap<>();
		for (PreparedEvent event : batch.events()) {
			OptionalLong issueId = issueIds.computeIfAbsent(event.projectId() + ":" + event.grouping().hash(),
					(key) -> this.issues.findOrCreate(event));
			if (issueId.isEmpty()) {
				logger.debug("Dropping event {} of project {}: its grouping hash was discarded", event.eventId(),
						event.projectId());
				discarded.merge(event.projectId(), 1L, Long::sum);
				continue;
			}
			occurrences.add(this.issues.occurrence(event, issueId.getAsLong()));
			rows.add(this.mapper.map(event, issueId.getAsLong()));
		}
		if (!rows.isEmpty()) {
			this.issues.record(occurrences);
			this.events.write(rows);
		}
		recordOutcomes(discarded, batch.drops());
		return new StoreResult(rows.size(), discarded);
	}

	/**
	 * Counts the discarded events and the items dropped for exceeding the processing
	 * budget in the outcome store, last, so that a failure before retries the batch
	 * without having counted them.
	 */
	private void recordOutcomes(Map<Long, Long> discarded, List<ItemDrop> drops) {
		if (this.outcomes == null) {
			return;
		}
		Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
		List<OutcomeCount> counts = new ArrayList<>(discarded.size());
		discarded.forEach((projectId, quantity) -> counts.add(new OutcomeCount(projectId, hour,
				ItemOutcomes.ERROR_CATEGORY, ItemOutcomes.FILTERED, ItemOutcomes.DISCARDED_HASH, quantity)));
		for (ItemDrop drop : drops) {
			if (ItemOutcomes.PROCESSING_TIMEOUT.equals(drop.reason())) {
				counts.add(new OutcomeCount(drop.projectId(), hour, DataCategories.of(drop.itemType()), drop.outcome(),
						drop.reason(), drop.quantity()));
			}
		}
		if (!counts.isEmpty()) {
			this.outcomes.record(counts);
		}
	}

}
