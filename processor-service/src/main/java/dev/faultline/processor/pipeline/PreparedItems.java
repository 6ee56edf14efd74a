package dev.faultline.processor.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.faultline.protocol.envelope.EnvelopeItem;
import dev.faultline.storage.metadata.DeadLetter;
import dev.faultline.storage.metadata.Outcome;

/**
 * What the item processors made of the items of one envelope (and, merged, of a batch):
 * the outcomes of dropped items, the dead letters to park and the values each
 * {@link BatchWriter} is to store. Not thread-safe.
 */
public final class PreparedItems {

	private final List<ItemOutcome> outcomes = new ArrayList<>();

	private final List<DeadLetter> deadLetters = new ArrayList<>();

	private final Map<BatchWriter<?>, List<Object>> pending = new LinkedHashMap<>();

	/** Drops an item with an outcome and a reason. */
	public void drop(EnvelopeContext envelope, EnvelopeItem item, Outcome outcome, String reason) {
		this.outcomes.add(ItemOutcome.of(envelope.projectId(), item, outcome, reason));
	}

	/** Counts an outcome that is not an item of the envelope (a client report's). */
	public void count(ItemOutcome outcome) {
		this.outcomes.add(outcome);
	}

	/**
	 * Drops an item as {@link Outcome#INVALID} and parks its bytes as a dead letter.
	 * @param detail the cause, never payload content
	 */
	public void invalid(EnvelopeContext envelope, EnvelopeItem item, int index, String reason, String detail) {
		drop(envelope, item, Outcome.INVALID, reason);
		this.deadLetters.add(new DeadLetter(0, envelope.projectId(), envelope.position(), index, item.type(), reason,
				detail, item.payload(), envelope.queued().receivedAt(), envelope.now()));
	}

	/** Parks a dead letter whose outcomes are counted apart. */
	void park(DeadLetter letter) {
		this.deadLetters.add(letter);
	}

	/** Hands a value to its kind's writer, stored with the batch. */
	public <T> void store(BatchWriter<T> writer, T value) {
		this.pending.computeIfAbsent(writer, (key) -> new ArrayList<>()).add(value);
	}

	void addAll(PreparedItems other) {
		this.outcomes.addAll(other.outcomes);
		this.deadLetters.addAll(other.deadLetters);
		other.pending.forEach(
				(writer, values) -> this.pending.computeIfAbsent(writer, (key) -> new ArrayList<>()).addAll(values));
	}

	List<ItemOutcome> outcomes() {
		return this.outcomes;
	}

	List<DeadLetter> deadLetters() {
		return this.deadLetters;
	}

	Map<BatchWriter<?>, List<Object>> pending() {
		return this.pending;
	}

}
