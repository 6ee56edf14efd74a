package dev.faultline.processor.event;

import dev.faultline.processor.Samples;
import dev.faultline.processor.TestPipelines;

import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.faultline.storage.metadata.EventOccurrence;
import dev.faultline.storage.queue.QueueRecord;
import dev.faultline.protocol.event.EventCodec;
import dev.faultline.protocol.event.User;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class IssueAssignmentStageTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static User user(String json) {
		return EventCodec.decode((ObjectNode) JSON.readTree("{\"user\":" + json + "}")).user();
	}

	@Test
	void userKeyPrefersIdThenEmailThenUsernameThenIp() {
		assertThat(IssueAssignmentStage.userKey(user("{\"id\":\"42\",\"email\":\"a@b.c\"}"))).isEqualTo("id:42");
		assertThat(IssueAssignmentStage.userKey(user("{\"email\":\"a@b.c\",\"username\":\"a\"}")))
			.isEqualTo("email:a@b.c");
		assertThat(IssueAssignmentStage.userKey(user("{\"username\":\"a\"}"))).isEqualTo("username:a");
		assertThat(IssueAssignmentStage.userKey(user("{\"ip_address\":\"10.0.0.1\"}"))).isEqualTo("ip:10.0.0.1");
		assertThat(IssueAssignmentStage.userKey(user("{\"name\":\"n\"}"))).isNull();
		assertThat(IssueAssignmentStage.userKey(null)).isNull();
	}

	@Test
	void occurrenceCarriesTheGroupingHashAndTheRelease() {
		PreparedEvent event = TestPipelines.pure()
			.prepare(List.of(Samples.record("1", "java-event-error")))
			.events()
			.get(0);
		// occurrence() needs no store
		EventOccurrence occurrence = new IssueAssignmentStage(null).occurrence(event, 7);
		assertThat(occurrence.issueId()).isEqualTo(7);
		assertThat(occurrence.eventId()).isEqualTo(event.eventId());
		assertThat(occurrence.primaryHash()).isEqualTo(event.grouping().hash()).matches("[0-9a-f]{32}");
		assertThat(occurrence.release()).isEqualTo("app@1.2.3");
	}

	@Test
	void occurrenceOfAnEventWithoutReleaseHasNone() {
		byte[] body = "{}\n{\"type\":\"event\"}\n{\"message\":\"no release\"}\n".getBytes(StandardCharsets.UTF_8);
		PreparedEvent event = TestPipelines.pure()
			.prepare(List.of(new QueueRecord("1", Samples.queued(body))))
			.events()
			.get(0);
		assertThat(new IssueAssignmentStage(null).occurrence(event, 7).release()).isNull();
	}

}
