package dev.faultline.storage.metadata;

import java.util.List;

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

}
