package dev.faultline.boot;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.faultline.storage.metadata.DeadLetter;
import dev.faultline.storage.metadata.DeadLetterStore;

/**
 * Parks letters with their payload sealed by {@link DeadLetterSeal}; reads hand the
 * stored (sealed) payload back, for whoever is entitled to open it. Thread-safe.
 */
final class SealingDeadLetterStore implements DeadLetterStore {

	private final DeadLetterStore store;

	private final DeadLetterSeal seal;

	SealingDeadLetterStore(DeadLetterStore store, DeadLetterSeal seal) {
		this.store = store;
		this.seal = seal;
	}

	@Override
	public boolean park(DeadLetter letter) {
		return this.store.park(new DeadLetter(letter.id(), letter.projectId(), letter.queuePosition(),
				letter.itemIndex(), letter.itemType(), letter.reason(), letter.detail(),
				this.seal.seal(letter.payload()), letter.receivedAt(), letter.parkedAt()));
	}

	@Override
	public List<DeadLetter> list(int offset, int limit) {
		return this.store.list(offset, limit);
	}

	@Override
	public long count() {
		return this.store.count();
	}

	@Override
	public Optional<DeadLetter> find(long id) {
		return this.store.find(id);
	}

	@Override
	public boolean delete(long id) {
		return this.store.delete(id);
	}

	@Override
	public long deleteParkedBefore(Instant cutoff) {
		return this.store.deleteParkedBefore(cutoff);
	}

}
