package dev.faultline.processor;

import java.nio.file.Path;
import java.time.Duration;

import dev.faultline.processor.pipeline.EnvelopePipeline;
import dev.faultline.processor.pipeline.ItemOutcomes;
import dev.faultline.processor.pipeline.ProcessorLoop;
import dev.faultline.processor.pipeline.ProcessorSettings;
import dev.faultline.queue.embedded.SqliteEnvelopeQueue;
import dev.faultline.storage.duckdb.DuckDbEventStore;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.Project;
import dev.faultline.storage.metadata.Team;
import dev.faultline.storage.queue.QueuedEnvelope;
import dev.faultline.storage.sqlite.SqliteMetadataStores;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The embedded shape's three engines in one directory — the SQLite queue and metadata
 * store, the DuckDB event store — with one project to send to: what the processor's loop
 * tests run against. Closing closes all three.
 */
record EmbeddedEngines(SqliteEnvelopeQueue queue, SqliteMetadataStores metadata, DuckDbEventStore events,
		Project project) implements AutoCloseable {

	static EmbeddedEngines open(Path dir) {
		SqliteEnvelopeQueue queue = new SqliteEnvelopeQueue(dir.resolve("queue.db"), 1_000_000);
		SqliteMetadataStores metadata = SqliteMetadataStores.open(dir.resolve("metadata.db"));
		DuckDbEventStore events = DuckDbEventStore.open(dir.resolve("events.duckdb"));
		Organization organization = metadata.organizations().create("acme", "Acme");
		Team team = metadata.organizations().createTeam(organization.id(), "core", "Core");
		Project project = metadata.projects().create(organization.id(), team.id(), "shop", "Shop", "java");
		return new EmbeddedEngines(queue, metadata, events, project);
	}

	/** A consumer loop over the queue with short polls and back-offs (100 ms to 1 s). */
	ProcessorLoop loop(EnvelopePipeline pipeline, MeterRegistry meters) {
		return new ProcessorLoop(this.queue, pipeline, new ItemOutcomes(meters, null),
				new ProcessorSettings("processor", 500, Duration.ofMillis(100), Duration.ofMillis(100),
						Duration.ofSeconds(1), Duration.ofSeconds(20)));
	}

	/**
	 * Publishes the {@code i}-th load envelope ({@link LoadEnvelopes}) to the project.
	 */
	void publish(int i) {
		this.queue.publish(new QueuedEnvelope(this.project.id(), "publickey", Samples.RECEIVED, "203.0.113.7", "test",
				LoadEnvelopes.body(i)));
	}

	@Override
	public void close() {
		try (SqliteEnvelopeQueue q = this.queue;
				SqliteMetadataStores m = this.metadata;
				DuckDbEventStore e = this.events) {
			// closed in reverse order of opening
		}
	}

}
