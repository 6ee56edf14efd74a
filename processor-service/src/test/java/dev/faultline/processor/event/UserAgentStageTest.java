package dev.faultline.processor.event;

import dev.faultline.processor.Samples;
import dev.faultline.processor.TestPipelines;

import java.util.List;

import dev.faultline.protocol.event.EventCodec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class UserAgentStageTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final UserAgentStage stage = new UserAgentStage();

	@Test
	void browserEventsGetBrowserAndOsContexts() {
		PreparedEvent event = TestPipelines.pure()
			.prepare(List.of(Samples.record("1", "browser-event-error")))
			.events()
			.get(0);
		ObjectNode contexts = (ObjectNode) EventCodec.toTree(event.event()).path("contexts");
		assertThat(contexts.path("browser").path("name").asString()).isEqualTo("HeadlessChrome");
		assertThat(contexts.path("browser").path("version").asString()).startsWith("156.0.0");
		assertThat(contexts.path("os").path("name").asString()).isEqualTo("Linux");
		assertThat(contexts.has("client_os")).isFalse();
	}

	@Test
	void serverEventsKeepTheirOsAndGetTheClientOs() {
		ObjectNode event = (ObjectNode) JSON.readTree(
				"""
						{"platform":"python","contexts":{"os":{"name":"Linux","type":"os"}},
						 "request":{"headers":[["Accept","*/*"],["user-agent","Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) \
						AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1"]]}}
						""");
		assertThat(this.stage.enrich(event)).isEqualTo(3);
		assertThat(event.path("contexts").path("os").path("name").asString()).isEqualTo("Linux");
		assertThat(event.path("contexts").path("client_os").path("name").asString()).isEqualTo("iOS");
		assertThat(event.path("contexts").path("client_os").path("version").asString()).isEqualTo("17.1");
		assertThat(event.path("contexts").path("browser").path("name").asString()).isEqualTo("Mobile Safari");
		assertThat(event.path("contexts").path("device").path("family").asString()).isEqualTo("iPhone");
	}

	@Test
	void unknownOrMissingAgentsAddNothing() {
		ObjectNode none = (ObjectNode) JSON.readTree("{\"platform\":\"java\"}");
		ObjectNode unknown = (ObjectNode) JSON.readTree("{\"request\":{\"headers\":{\"User-Agent\":\"x\"}}}");
		assertThat(this.stage.enrich(none)).isZero();
		assertThat(none.has("contexts")).isFalse();
		assertThat(this.stage.enrich(unknown)).isZero();
	}

}
