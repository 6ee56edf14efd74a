package dev.faultline.processor;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.faultline.core.scrub.ScrubbingSettings;
import dev.faultline.storage.queue.QueueRecord;
import dev.faultline.protocol.event.EventCodec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The pure phase of the pipeline: what is prepared for storing and what is dropped, with
 * which outcome. Storing is covered by {@code EventPipelineIT} against real engines.
 */
class EventPipelineTest {

	// The stores are never touched by prepare().
	private final EventPipeline pipeline = new EventPipeline(null, null);

	@Test
	void eventItemsArePreparedAndOtherItemsSkipped() {
		PreparedBatch batch = this.pipeline.prepare(List.of(Samples.record("1", "java-event+session-errored"),
				Samples.record("2", "node-event-error"), Samples.record("3", "java-transaction")));
		assertThat(batch.events()).hasSize(2);
		PreparedEvent java = batch.events().get(0);
		assertThat(java.projectId()).isEqualTo(Samples.PROJECT_ID);
		assertThat(java.position()).isEqualTo("1");
		assertThat(java.eventId()).matches("[0-9a-f]{32}");
		assertThat(java.grouping().variant()).isEqualTo("app");
		assertThat(EventCodec.toTree(java.event()).path("received").asString()).isEqualTo("2026-11-25T00:30:00.000Z");
		assertThat(batch.dropped()).containsEntry("session", Map.of(ItemOutcomes.UNSUPPORTED, 1L))
			.containsEntry("transaction", Map.of(ItemOutcomes.UNSUPPORTED, 1L));
	}

	@Test
	void serverSideGroupingRulesApplyBeforeGrouping() {
		ProcessorProperties.Grouping rules = new ProcessorProperties.Grouping(
				"error.type:IllegalStateException stack.function:processOrder -> checkout, {{ function }}",
				"stack.module:sdkharness.* -app");
		EventPipeline withRules = new EventPipeline(null, null, null, ScrubbingSettings.defaultSettings(),
				rules.stage());
		PreparedEvent java = withRules.prepare(List.of(Samples.record("1", "java-event-error"))).events().get(0);
		assertThat(java.grouping().variant()).isEqualTo("custom-fingerprint");
		assertThat(java.grouping().components()).containsExactly("fingerprint:checkout", "fingerprint:processOrder");
		assertThat(EventCodec.toTree(java.event()).path("_fingerprint_info").path("matched_rule").asString())
			.startsWith("error.type:");
		assertThat(EventCodec.toTree(java.event()).path("grouping_info").path("variant").asString())
			.isEqualTo("custom-fingerprint");
	}

	@Test
	void malformedGroupingRulesNameTheProperty() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ProcessorProperties.Grouping("error.type:X", "").stage())
			.withMessageStartingWith("faultline.processor.grouping.fingerprint-rules: fingerprint rule on line 1");
	}

	@Test
	void poisonRecordIsDroppedWithoutStoppingTheBatch() {
		QueueRecord poison = new QueueRecord("7",
				Samples.queued("this is not an envelope".getBytes(StandardCharsets.UTF_8)));
		PreparedBatch batch = this.pipeline.prepare(List.of(poison, Samples.record("8", "cli-event")));
		assertThat(batch.events()).hasSize(1);
		assertThat(EventCodec.toTree(batch.events().get(0).event()).path("user").path("ip_address").asString())
			.isEqualTo("203.0.113.7");
		assertThat(batch.dropped()).containsEntry("envelope", Map.of(ItemOutcomes.POISON, 1L));
	}

	@Test
	void unreadableEventItemIsInvalid() {
		byte[] body = "{}\n{\"type\":\"event\"}\n{not json\n{\"type\":\"event\"}\n[1,2]\n"
			.getBytes(StandardCharsets.UTF_8);
		PreparedBatch batch = this.pipeline.prepare(List.of(new QueueRecord("9", Samples.queued(body))));
		assertThat(batch.events()).isEmpty();
		assertThat(batch.dropped()).containsEntry("event", Map.of(ItemOutcomes.INVALID, 2L));
	}

	@Test
	void sameEventTwiceInOneBatchIsPreparedOnce() {
		PreparedBatch batch = this.pipeline
			.prepare(List.of(Samples.record("1", "java-event-error"), Samples.record("2", "java-event-error")));
		assertThat(batch.events()).hasSize(1);
		assertThat(batch.dropped()).containsEntry("event", Map.of(ItemOutcomes.DUPLICATE, 1L));
	}

}
