package dev.faultline.processor.event;

import dev.faultline.processor.Samples;
import dev.faultline.processor.TestPipelines;

import java.time.Instant;
import java.util.List;

import dev.faultline.storage.events.StoredEvent;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class StoredEventMapperTest {

	private final TestPipelines.Built pipeline = TestPipelines.pure();

	@Test
	void mapsColumnsAndKeepsNormalizedPayload() {
		PreparedEvent prepared = this.pipeline.prepare(List.of(Samples.record("1", "java-event-error")))
			.events()
			.get(0);
		StoredEvent row = new StoredEventMapper().map(prepared, 5);
		assertThat(row.projectId()).isEqualTo(42);
		assertThat(row.issueId()).isEqualTo(5);
		assertThat(row.eventId()).isEqualTo("6aa8c7780204425899c477fb1b6e1641");
		assertThat(row.timestamp()).isEqualTo(Instant.parse("2026-11-24T23:58:38.083Z"));
		assertThat(row.receivedAt()).isEqualTo(Samples.RECEIVED);
		assertThat(row.platform()).isEqualTo("java");
		assertThat(row.level()).isEqualTo("error");
		assertThat(row.title()).isEqualTo("IllegalStateException: Checkout failed for order ord-1234");
		assertThat(row.culprit()).isEqualTo("sdkharness.Main in processOrder");
		assertThat(row.message()).isEqualTo(row.title());
		assertThat(row.release()).isEqualTo("app@1.2.3");
		assertThat(row.environment()).isEqualTo("staging");
		assertThat(row.traceId()).isEqualTo("f7bec8efdbe7484581882e9a752178fe");
		assertThat(row.tags()).containsEntry("feature", "checkout").containsEntry("tenant", "acme");
		assertThat(row.user()).isNotNull();
		assertThat(row.user().email()).isEqualTo("alice@example.com");
		assertThat(row.primaryHash()).isEqualTo(prepared.grouping().hash());
		assertThat(row.groupingVariant()).isEqualTo("app");
		assertThat(JsonMapper.builder().build().readTree(row.payload()).path("title").asString())
			.isEqualTo(row.title());
	}

	@Test
	void messageEventUsesFormattedMessage() {
		PreparedEvent prepared = this.pipeline.prepare(List.of(Samples.record("1", "node-event-message")))
			.events()
			.get(0);
		StoredEvent row = new StoredEventMapper().map(prepared, 1);
		assertThat(row.message()).isEqualTo("Payment of 99.50 EUR for order ord-1234 declined");
		assertThat(row.groupingVariant()).isEqualTo("message");
	}

}
