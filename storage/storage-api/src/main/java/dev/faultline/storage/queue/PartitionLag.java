package dev.faultline.storage.queue;

/**
 * How far one consumer group is behind on one partition of the queue.
 *
 * @param partition the partition's number (the embedded queue has one, numbered 0)
 * @param endOffset the position after the newest record published to the partition
 * @param committedOffset the position of the first record the group has not committed:
 * where its next consumer starts (the earliest retained record for a group that never
 * committed)
 */
public record PartitionLag(int partition, long endOffset, long committedOffset) {

	/** Records published to the partition that the group has not committed yet. */
	public long lag() {
		return Math.max(0, this.endOffset - this.committedOffset);
	}

}
