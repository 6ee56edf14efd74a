package dev.faultline.processor.pipeline;

import java.util.List;
import java.util.function.Consumer;

/**
 * Stores what one kind prepared for a batch, in as few store calls as it can.
 * <p>
 * Idempotent: a failed batch is retried as it is, and a batch is replayed when the
 * process died between storing and committing it, so writing the same values again must
 * change nothing. Reports the outcome of every value exactly once per call (accepted, or
 * dropped with its reason); the loop counts them once the batch is committed.
 *
 * @param <T> what the kind's processor prepared
 */
public interface BatchWriter<T> {

	/**
	 * @param values the batch's values, in queue order
	 * @param outcomes receives the outcome of each value
	 * @throws RuntimeException whatever the stores throw; the batch is retried
	 */
	void write(List<T> values, Consumer<ItemOutcome> outcomes);

}
