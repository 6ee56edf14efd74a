package dev.faultline.processor.event;

import java.util.List;

import dev.faultline.processor.Samples;
import dev.faultline.processor.TestPipelines;
import dev.faultline.protocol.event.Event;
import dev.faultline.protocol.event.Pairs;
import dev.faultline.protocol.event.User;
import dev.faultline.storage.events.StoredEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DerivedTagsStageTest {

	private final TestPipelines.Built pipeline = TestPipelines.pure();

	private final DerivedTagsStage stage = new DerivedTagsStage();

	@Test
	void javaEventGetsUserAndServerNameTagsButNoHandledWhenTheMechanismDoesNotSay() {
		StoredEvent row = stored("java-event-error");
		assertThat(row.tags()).containsEntry("user", "id:user-42")
			.containsEntry("server_name", "harness-host")
			.containsEntry("mechanism", "chained")
			.doesNotContainKey("handled")
			.containsEntry("feature", "checkout");
	}

	@Test
	void handledComesFromTheRaisedExceptionThatIsTheLastValue() {
		// The browser sample's cause says handled: false, the raised (last) exception
		// true.
		assertThat(stored("browser-event-error").tags()).containsEntry("handled", "yes")
			.containsEntry("mechanism", "generic")
			.containsEntry("user", "id:user-42")
			.doesNotContainKey("server_name");
	}

	@Test
	void derivedTagsAreInThePayloadToo() {
		PreparedEvent prepared = prepared("node-event-error");
		assertThat(prepared.event().tags().get("user")).isEqualTo("id:user-42");
		assertThat(prepared.event().tags().get("server_name")).isEqualTo("harness-host");
		assertThat(prepared.event().tags().get("handled")).isEqualTo("yes");
	}

	@Test
	void userTagTakesTheFirstOfIdUsernameEmailAndIpInSentrysOrder() {
		assertThat(DerivedTagsStage.userTag(user(null, "jane", "j@x.io", "10.0.0.1"))).isEqualTo("username:jane");
		assertThat(DerivedTagsStage.userTag(user(null, null, "j@x.io", "10.0.0.1"))).isEqualTo("email:j@x.io");
		assertThat(DerivedTagsStage.userTag(user(null, " ", null, "10.0.0.1"))).isEqualTo("ip:10.0.0.1");
		assertThat(DerivedTagsStage.userTag(user(null, null, null, null))).isNull();
		assertThat(DerivedTagsStage.userTag(null)).isNull();
	}

	@Test
	void aTagTheSdkSentUnderADerivedKeyIsKept() {
		Event event = Event.builder()
			.serverName("derived-host")
			.tags(new Pairs(List.of(new Pairs.Pair("server_name", "sent-host")), true))
			.build();
		Event derived = this.stage.derive(event);
		assertThat(derived.tags().pairs()).containsExactly(new Pairs.Pair("server_name", "sent-host"));
	}

	@Test
	void anEventWithNothingToDeriveIsReturnedAsItIs() {
		Event event = Event.builder().level("error").build();
		assertThat(this.stage.derive(event)).isSameAs(event);
	}

	private StoredEvent stored(String sample) {
		return new StoredEventMapper().map(prepared(sample), 1);
	}

	private PreparedEvent prepared(String sample) {
		return this.pipeline.prepare(List.of(Samples.record("1", sample))).events().get(0);
	}

	private static User user(String id, String username, String email, String ip) {
		return new User(id, email, ip, username, null, null, null, java.util.Map.of());
	}

}
