package dev.faultline.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.faultline.storage.metadata.OutcomeCount;
import dev.faultline.storage.metadata.OutcomeStore;

/**
 * A port double of {@link OutcomeStore} that keeps every recorded batch, so tests can
 * read back what ingest counted; the adapters' summing is specified by the storage TCK.
 */
public class InMemoryOutcomeStore implements OutcomeStore {

	private final List<OutcomeCount> recorded = new CopyOnWriteArrayList<>();

	@Override
	public void record(Collection<OutcomeCount> counts) {
		this.recorded.addAll(counts);
	}

	@Override
	public List<OutcomeCount> query(Collection<Long> projectIds, Instant from, Instant to) {
		return new ArrayList<>(this.recorded.stream()
			.filter((c) -> projectIds.contains(c.projectId()) && !c.hour().isBefore(from) && c.hour().isBefore(to))
			.toList());
	}

	@Override
	public List<OutcomeCount> queryAll(Instant from, Instant to) {
		return new ArrayList<>(
				this.recorded.stream().filter((c) -> !c.hour().isBefore(from) && c.hour().isBefore(to)).toList());
	}

	@Override
	public long deleteBefore(Instant cutoff) {
		Instant hour = cutoff.truncatedTo(java.time.temporal.ChronoUnit.HOURS);
		List<OutcomeCount> old = this.recorded.stream().filter((c) -> c.hour().isBefore(hour)).toList();
		this.recorded.removeAll(old);
		return old.size();
	}

	/**
	 * The sum of the quantities recorded for one project, category, outcome and reason.
	 */
	public long total(long projectId, String category, String outcome, String reason) {
		return this.recorded.stream()
			.filter((c) -> c.projectId() == projectId && c.category().equals(category) && c.outcome().equals(outcome)
					&& c.reason().equals(reason))
			.mapToLong(OutcomeCount::quantity)
			.sum();
	}

	public void clear() {
		this.recorded.clear();
	}

}
