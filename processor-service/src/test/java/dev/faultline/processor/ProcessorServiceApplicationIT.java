package dev.faultline.processor;

import java.nio.file.Path;
import java.time.Duration;

import dev.faultline.storage.events.EventStore;
import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.Project;
import dev.faultline.storage.metadata.Team;
import dev.faultline.storage.queue.EnvelopeQueue;
import dev.faultline.storage.queue.QueuedEnvelope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The processor service as its own application on the embedded adapters: the wiring
 * starts the consumer loop, which processes what is published.
 */
@SpringBootTest
class ProcessorServiceApplicationIT {

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("faultline.data-dir", dataDir::toString);
	}

	@Autowired
	EnvelopeQueue queue;

	@Autowired
	MetadataStores metadata;

	@Autowired
	EventStore events;

	@Autowired
	ProcessorHealthIndicator health;

	@Test
	void processesPublishedEnvelopes() {
		Organization organization = this.metadata.organizations().create("acme", "Acme");
		Team team = this.metadata.organizations().createTeam(organization.id(), "core", "Core");
		Project project = this.metadata.projects().create(organization.id(), team.id(), "shop", "Shop", "java");
		this.queue.publish(new QueuedEnvelope(project.id(), "publickey", Samples.RECEIVED, null, null,
				Samples.body("java-event-error")));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.events.find(project.id(), "6aa8c7780204425899c477fb1b6e1641").isPresent());
		assertThat(this.health.health().getStatus()).isEqualTo(Status.UP);
	}

}
