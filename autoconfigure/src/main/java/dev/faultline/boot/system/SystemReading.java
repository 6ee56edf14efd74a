package dev.faultline.boot.system;

import java.time.Instant;
import java.util.List;

import dev.faultline.storage.queue.PartitionLag;
import org.jspecify.annotations.Nullable;

/**
 * One reading of the system's state, taken by {@link SystemProbe}.
 *
 * @param readAt when it was taken
 * @param queue the processor group's lag on the envelope queue
 * @param stores how each store answered its health check, by name ({@code queue},
 * {@code metadata}, {@code events})
 * @param disk the data directory's file system; null when it has none (no data directory)
 */
public record SystemReading(Instant readAt, QueueLag queue, List<StoreCheck> stores, @Nullable Disk disk) {

	/**
	 * @param group the consumer group the lag is counted for
	 * @param partitions one entry per partition; empty when the reading failed
	 * @param failure why the queue could not be read, or null
	 */
	public record QueueLag(String group, List<PartitionLag> partitions, @Nullable String failure) {

		/** Records published that the group has not committed, over every partition. */
		public long total() {
			return this.partitions.stream().mapToLong(PartitionLag::lag).sum();
		}

	}

	/**
	 * @param name the store's role
	 * @param healthy whether it answered its health check
	 * @param latencyMillis how long the check took
	 */
	public record StoreCheck(String name, boolean healthy, double latencyMillis) {
	}

	/**
	 * @param path the data directory
	 * @param freeBytes usable space left on its file system
	 * @param totalBytes the file system's size
	 * @param minFreeBytes the free space below which the embedded shape's ingest answers
	 * 503
	 */
	public record Disk(String path, long freeBytes, long totalBytes, long minFreeBytes) {
	}

}
