package dev.faultline.storage.metadata;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Items the processor parked instead of processing. Thread-safe; safe to call from
 * several processor instances at once.
 */
public interface DeadLetterStore {

	/**
	 * Parks the letter once per {@code (queuePosition, itemIndex)}: returns true when it
	 * was stored, false (changing nothing) when that item was parked already, so a
	 * replayed batch parks nothing twice. The letter's id is ignored.
	 */
	boolean park(DeadLetter letter);

	/**
	 * A page of parked letters, most recently parked first.
	 */
	List<DeadLetter> list(int offset, int limit);

	/**
	 * How many letters are parked.
	 */
	long count();

	/**
	 * The letter with this id, payload included.
	 */
	Optional<DeadLetter> find(long id);

	/**
	 * Removes one letter (purged by an admin, or replayed); false when there was none.
	 */
	boolean delete(long id);

	/**
	 * Removes every letter parked before {@code cutoff} (retention; {@link Instant#MAX}
	 * purges all) and answers how many.
	 */
	long deleteParkedBefore(Instant cutoff);

}
