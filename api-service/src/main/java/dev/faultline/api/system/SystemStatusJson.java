package dev.faultline.api.system;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The body of {@code GET /api/0/internal/system/status/}.
 *
 * @param version Faultline's version (the jar's), or {@code unknown}
 * @param startedAt when this process started
 * @param readAt when the queue, stores and disk were last read (every 10 s)
 * @param healthy whether every store answered and the queue could be read
 * @param queue the processor's backlog
 * @param stores each store's health check and its answer time
 * @param disk the data directory's file system; null in a shape without one
 * @param schema the metadata database's newest migration
 * @param processed items accepted per hour over the last 24 hours, every project summed
 * @param dropped items (not bytes) not accepted over the last 24 hours, by outcome,
 * reason and category, largest first
 */
record SystemStatusJson(String version, String startedAt, String readAt, boolean healthy, QueueJson queue,
		List<StoreJson> stores, @Nullable DiskJson disk, SchemaJson schema, List<HourJson> processed,
		List<DroppedJson> dropped) {

	record QueueJson(String group, long lag, List<PartitionJson> partitions, @Nullable String error) {
	}

	record PartitionJson(int partition, long endOffset, long committedOffset, long lag) {
	}

	record StoreJson(String name, boolean healthy, double latencyMs) {
	}

	/**
	 * @param low whether free space is below the embedded ingest's minimum, where it
	 * answers 503
	 */
	record DiskJson(String path, long freeBytes, long totalBytes, long minFreeBytes, boolean low) {
	}

	record SchemaJson(@Nullable String version, @Nullable String description, @Nullable String error) {
	}

	record HourJson(String hour, long accepted) {
	}

	record DroppedJson(String outcome, String reason, String category, long items) {
	}

}
