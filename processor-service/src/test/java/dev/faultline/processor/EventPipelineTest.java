package dev.faultline.processor;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.faultline.processor.event.PreparedEvent;
import dev.faultline.processor.pipeline.ItemOutcome;
import dev.faultline.storage.metadata.Outcome;
import dev.faultline.storage.queue.QueueRecord;
import dev.faultline.protocol.event.EventCodec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The pure phase of the pipeline: what is prepared for storing and what is dropped, with
 * which outcome. Storing is covered by {@code EventPipelineIT} against real engines.
 */
class EventPipelineTest {

	// The stores are never touched by prepare().
	private final TestPipelines.Built pipeline = TestPipelines.pure();

	@Test
	void eventItemsArePreparedAndOtherItemsSkipped() {
		TestPipelines.Batch batch = this.pipeline.prepare(List.of(Samples.record("1", "java-event+session-errored"),
				Samples.record("2", "node-event-error"), Samples.record("3", "java-transaction")));
		assertThat(batch.events()).hasSize(2);
		PreparedEvent java = batch.events().get(0);
		assertThat(java.projectId()).isEqualTo(Samples.PROJECT_ID);
		assertThat(java.position()).isEqualTo("1");
		assertThat(java.eventId()).matches("[0-9a-f]{32}");
		assertThat(java.grouping().variant()).isEqualTo("app");
		assertThat(EventCodec.toTree(java.event()).path("received").asString()).isEqualTo("2026-11-25T00:30:00.000Z");
		assertThat(batch.dropped()).containsEntry("session", Map.of("filtered/unsupported", 1L))
			.containsEntry("transaction", Map.of("filtered/unsupported", 1L));
		assertThat(batch.batch().dropped()).extracting(ItemOutcome::category)
			.containsExactlyInAnyOrder("session", "transaction");
	}

	@Test
	void serverSideGroupingRulesApplyBeforeGrouping() {
		ProcessorProperties.Grouping rules = new ProcessorProperties.Grouping(
				"error.type:IllegalStateException stack.function:processOrder -> checkout, {{ function }}",
				"stack.module:sdkharness.* -app");
		TestPipelines.Built withRules = TestPipelines.pure(rules.stage());
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
		TestPipelines.Batch batch = this.pipeline.prepare(List.of(poison, Samples.record("8", "cli-event")));
		assertThat(batch.events()).hasSize(1);
		assertThat(EventCodec.toTree(batch.events().get(0).event()).path("user").path("ip_address").asString())
			.isEqualTo("203.0.113.7");
		assertThat(batch.dropped()).containsEntry("envelope", Map.of("invalid/invalid_envelope", 1L));
		assertThat(batch.batch().deadLetters()).singleElement()
			.satisfies((letter) -> assertThat(letter.reason()).isEqualTo("invalid_envelope"));
	}

	@Test
	void unreadableEventItemIsInvalid() {
		byte[] body = "{}\n{\"type\":\"event\"}\n{not json\n{\"type\":\"event\"}\n[1,2]\n"
			.getBytes(StandardCharsets.UTF_8);
		TestPipelines.Batch batch = this.pipeline.prepare(List.of(new QueueRecord("9", Samples.queued(body))));
		assertThat(batch.events()).isEmpty();
		assertThat(batch.dropped()).containsEntry("event", Map.of("invalid/invalid_json", 2L));
	}

	@Test
	void clientReportsBecomeClientDiscardOutcomes() {
		TestPipelines.Batch batch = this.pipeline.prepare(List.of(Samples.record("1", "java-transaction+client_report"),
				Samples.record("2", "node-client_report")));

		assertThat(batch.batch().dropped()).filteredOn((outcome) -> outcome.itemType().equals("client_report"))
			.isNotEmpty()
			.allSatisfy((outcome) -> {
				assertThat(outcome.outcome()).isEqualTo(Outcome.CLIENT_DISCARD);
				assertThat(outcome.reason()).isNotEmpty();
				assertThat(outcome.quantity()).isPositive();
			});
		assertThat(batch.dropped()).containsEntry("transaction", Map.of("filtered/unsupported", 1L));
	}

	@Test
	void itemContainersCountTheirItemsAndAttachmentsTheirBytes() {
		TestPipelines.Batch batch = this.pipeline
			.prepare(List.of(Samples.record("1", "java-log"), Samples.record("2", "java-event+attachment")));

		assertThat(batch.batch().dropped())
			.extracting(ItemOutcome::itemType, ItemOutcome::category, ItemOutcome::quantity, ItemOutcome::timesSeen)
			.containsExactlyInAnyOrder(tuple("log", "log_item", 4L, 4L), tuple("attachment", "attachment", 30L, 1L));
		assertThat(batch.events()).hasSize(1);
	}

}
