package dev.faultline.processor.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.function.Supplier;

import dev.faultline.protocol.envelope.Envelope;
import dev.faultline.protocol.envelope.EnvelopeItem;
import dev.faultline.protocol.envelope.EnvelopeParseException;
import dev.faultline.storage.metadata.DeadLetter;
import dev.faultline.storage.metadata.DeadLetterStore;
import dev.faultline.storage.metadata.Outcome;
import dev.faultline.storage.metadata.OutcomeReasons;
import dev.faultline.storage.queue.QueueRecord;
import dev.faultline.storage.queue.QueuedEnvelope;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The processing of one polled batch, in two phases.
 * <ol>
 * <li>{@link #prepare}: per record, decode the envelope and look up its project's
 * settings (on the loop thread), then route every item by type to its kind's
 * {@link ItemProcessor} within the {@link ProcessingBudget} — the envelope's event first,
 * so the other items can refer to it. Pure but for the settings lookup, whose failure
 * propagates (the batch comes again). Never throws for bad input: a record that is not an
 * envelope is dropped ({@code invalid}, {@code invalid_envelope}) and parked; an item its
 * processor throws for is dropped ({@code invalid}) and parked; an envelope past its
 * budget has every item dropped ({@code invalid}, {@code processing_timeout}) and is
 * parked whole.</li>
 * <li>{@link #store}: park the dead letters, then let each kind's {@link BatchWriter}
 * store its values. Idempotent, so a failed call is retried with the same batch and a
 * batch replayed after a crash changes nothing; store failures propagate.</li>
 * </ol>
 * Thread-safe as long as its processors and stores are; one batch at a time goes through
 * the budget. With several threads ({@link ProcessingLanes}) the envelopes of a batch are
 * prepared at once, each within its budget; storing stays on the caller, in queue order.
 */
public final class EnvelopePipeline {

	private static final Logger logger = LoggerFactory.getLogger(EnvelopePipeline.class);

	/** The budget of pipelines built without one (tests, benchmarks). */
	public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(3);

	private final EnvelopeDecodingStage decoding = new EnvelopeDecodingStage();

	private final ItemRouter router;

	private final LongFunction<ProjectProcessing> projects;

	private final @Nullable DeadLetterStore deadLetters;

	private final ProcessingLanes lanes;

	/**
	 * A pipeline preparing one envelope at a time.
	 * @see #EnvelopePipeline(ItemRouter, LongFunction, DeadLetterStore, Duration, int)
	 */
	public EnvelopePipeline(ItemRouter router, LongFunction<ProjectProcessing> projects,
			@Nullable DeadLetterStore deadLetters, Duration budget) {
		this(router, projects, deadLetters, budget, 1);
	}

	/**
	 * @param router the processor of each item type
	 * @param projects each project's processing settings (looked up once per record)
	 * @param deadLetters where poison records, invalid items and timed-out envelopes are
	 * parked; null only in tests, where they are just counted
	 * @param budget the longest time the items of one envelope may take to prepare
	 * @param threads how many envelopes of a batch are prepared at once (at least 1);
	 * their processors and the projects' settings must be thread-safe
	 */
	public EnvelopePipeline(ItemRouter router, LongFunction<ProjectProcessing> projects,
			@Nullable DeadLetterStore deadLetters, Duration budget, int threads) {
		this.router = router;
		this.projects = projects;
		this.deadLetters = deadLetters;
		this.lanes = new ProcessingLanes(threads, budget);
	}

	public PreparedBatch prepare(List<QueueRecord> records) {
		PreparedItems batch = new PreparedItems();
		Instant now = Instant.now();
		List<Decoded> decoded = new ArrayList<>(records.size());
		for (QueueRecord record : records) {
			QueuedEnvelope queued = record.envelope();
			Envelope envelope;
			try {
				// Framing is linear in the body's size and checked by ingest already, so
				// it runs outside the budget: a timed-out envelope's items are known.
				envelope = this.decoding.decode(queued);
			}
			catch (EnvelopeParseException ex) {
				logger.warn("Dropping poison record at queue position {} of project {}: {}", record.position(),
						queued.projectId(), ex.reason());
				batch.count(new ItemOutcome(queued.projectId(), "envelope", "default", Outcome.INVALID,
						OutcomeReasons.INVALID_ENVELOPE, 1, 1));
				batch.park(new DeadLetter(0, queued.projectId(), record.position(), -1, "envelope",
						OutcomeReasons.INVALID_ENVELOPE, String.valueOf(ex.reason()), queued.body(),
						queued.receivedAt(), now));
				continue;
			}
			// Outside the budget: a settings lookup failure or a slow metadata store is
			// not the envelope's fault.
			decoded.add(new Decoded(new EnvelopeContext(record, envelope, this.projects.apply(queued.projectId()), now),
					envelope));
		}
		List<Supplier<PreparedItems>> work = new ArrayList<>(decoded.size());
		for (Decoded envelope : decoded) {
			work.add(() -> prepareItems(envelope.context(), envelope.envelope()));
		}
		List<@Nullable PreparedItems> prepared = this.lanes.runAll(work);
		for (int index = 0; index < decoded.size(); index++) {
			EnvelopeContext context = decoded.get(index).context();
			PreparedItems items = prepared.get(index);
			if (items == null) {
				QueuedEnvelope queued = context.queued();
				logger.warn("Dropping the envelope at queue position {} of project {}: its processing exceeded {}",
						context.position(), queued.projectId(), this.lanes.limit());
				for (EnvelopeItem item : decoded.get(index).envelope().items()) {
					batch.drop(context, item, Outcome.INVALID, OutcomeReasons.PROCESSING_TIMEOUT);
				}
				batch.park(new DeadLetter(0, queued.projectId(), context.position(), -1, "envelope",
						OutcomeReasons.PROCESSING_TIMEOUT, "processing exceeded the budget of " + this.lanes.limit(),
						queued.body(), queued.receivedAt(), now));
				continue;
			}
			batch.addAll(items);
		}
		return new PreparedBatch(batch);
	}

	/**
	 * The items of one envelope, the event first; runs within the budget, on a worker.
	 */
	private PreparedItems prepareItems(EnvelopeContext context, Envelope envelope) {
		PreparedItems items = new PreparedItems();
		List<EnvelopeItem> all = envelope.items();
		for (int index = 0; index < all.size(); index++) {
			if (ItemRouter.isEvent(all.get(index))) {
				prepareItem(context, all.get(index), index, items);
			}
		}
		for (int index = 0; index < all.size(); index++) {
			if (!ItemRouter.isEvent(all.get(index))) {
				prepareItem(context, all.get(index), index, items);
			}
		}
		return items;
	}

	private void prepareItem(EnvelopeContext context, EnvelopeItem item, int index, PreparedItems items) {
		try {
			this.router.route(item.type()).prepare(context, item, index, items);
		}
		catch (RuntimeException ex) {
			// Bad input must never stop the loop; the reason is logged, the payload is
			// not.
			logger.warn("Dropping invalid {} item at queue position {} of project {}: {}", item.type(),
					context.position(), context.projectId(), ex.toString());
			items.invalid(context, item, index, reason(ex), detail(ex));
		}
	}

	/** A decoded envelope with its context, waiting for its items to be prepared. */
	private record Decoded(EnvelopeContext context, Envelope envelope) {
	}

	private static String reason(RuntimeException ex) {
		return (ex instanceof InvalidItemException invalid) ? invalid.reason() : OutcomeReasons.INTERNAL;
	}

	/**
	 * The cause of an invalid item as stored with its dead letter: our own reasons in
	 * full, anything else by exception type only, since messages of parsers and libraries
	 * may quote the payload.
	 */
	private static String detail(RuntimeException ex) {
		return (ex instanceof InvalidItemException) ? String.valueOf(ex.getMessage()) : ex.getClass().getName();
	}

	/**
	 * Parks the batch's dead letters, then stores each kind's values.
	 * @return the outcome of every stored or dropped value (not those dropped while
	 * preparing, which {@link PreparedBatch#dropped()} holds)
	 * @throws RuntimeException whatever the stores throw; the batch is to be retried
	 */
	public List<ItemOutcome> store(PreparedBatch batch) {
		if (this.deadLetters != null) {
			for (DeadLetter letter : batch.deadLetters()) {
				this.deadLetters.park(letter);
			}
		}
		List<ItemOutcome> outcomes = new ArrayList<>();
		for (Map.Entry<BatchWriter<?>, List<Object>> entry : batch.pending().entrySet()) {
			write(entry.getKey(), entry.getValue(), outcomes);
		}
		return outcomes;
	}

	@SuppressWarnings("unchecked")
	private static <T> void write(BatchWriter<T> writer, List<Object> values, List<ItemOutcome> outcomes) {
		writer.write((List<T>) values, outcomes::add);
	}

}
