package dev.faultline.processor.pipeline;

import dev.faultline.processor.event.GroupingStage;

import java.util.List;

import dev.faultline.core.grouping.FingerprintRules;
import dev.faultline.core.grouping.StackTraceRules;
import dev.faultline.core.scrub.ScrubbingSettings;
import dev.faultline.storage.metadata.ProjectSettings;
import dev.faultline.protocol.event.EventCodec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ProjectProcessingTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static ObjectNode event() {
		return (ObjectNode) JSON.readTree(
				"""
						{"user": {"ip_address": "198.51.100.23"},
						 "extra": {"password": "p", "pin": "1234", "token_hint": "t"},
						 "exception": {"values": [{"type": "TimeoutError", "value": "slow",
						   "stacktrace": {"frames": [{"module": "com.acme.Orders", "function": "load", "in_app": false}]}}]}}""");
	}

	private static ProjectSettings settings(boolean ip, List<String> sensitive, List<String> safe, boolean scrubber,
			boolean defaults) {
		return new ProjectSettings("", "", "", ip, sensitive, safe, scrubber, defaults, List.of(), List.of());
	}

	@Test
	void theOperatorsScrubbingIsAFloorAndFieldListsAreMerged() {
		ScrubbingSettings global = new ScrubbingSettings(true, false, List.of("pin"), List.of());

		ObjectNode merged = event();
		ProjectProcessing.compile(settings(true, List.of("hint"), List.of("token_hint"), true, true), global)
			.scrubber()
			.scrub(merged);
		assertThat(merged.at("/user/ip_address").isMissingNode()).isTrue();
		assertThat(merged.at("/extra/password").asString()).isEqualTo("[Filtered]");
		assertThat(merged.at("/extra/pin").asString()).isEqualTo("[Filtered]");
		// a project safe field wins over its own sensitive field
		assertThat(merged.at("/extra/token_hint").asString()).isEqualTo("t");

		ObjectNode off = event();
		ProjectProcessing.compile(settings(false, List.of("hint"), List.of(), false, true), global)
			.scrubber()
			.scrub(off);
		assertThat(off.at("/user/ip_address").asString()).isEqualTo("198.51.100.23");
		assertThat(off.at("/extra/password").asString()).isEqualTo("p");
		// the operator's sensitive fields apply even when the project turned scrubbing
		// off
		assertThat(off.at("/extra/pin").asString()).isEqualTo("[Filtered]");
		assertThat(off.at("/extra/token_hint").asString()).isEqualTo("t");
	}

	@Test
	void projectFingerprintRulesComeFirstAndGlobalOnesAreTheDefault() {
		GroupingStage grouping = new GroupingStage(StackTraceRules.parse("stack.module:com.acme.* +app"),
				FingerprintRules.parse("error.type:TimeoutError -> global"));
		ProjectProcessing project = ProjectProcessing
			.compile(
					new ProjectSettings("error.type:TimeoutError -> project", "stack.module:com.acme.* -app", "", false,
							List.of(), List.of(), true, true, List.of(), List.of()),
					ScrubbingSettings.defaultSettings());
		ObjectNode withProjectRules = EventCodec.toTree(grouping.group(EventCodec.decode(event()), project).event());
		assertThat(withProjectRules.get("fingerprint").toString()).isEqualTo("[\"project\"]");
		// the project's stack-trace rules run after the global ones, so they win
		assertThat(withProjectRules.at("/exception/values/0/stacktrace/frames/0/in_app").asBoolean()).isFalse();

		ProjectProcessing plain = ProjectProcessing.compile(ProjectSettings.DEFAULTS,
				ScrubbingSettings.defaultSettings());
		ObjectNode withDefaults = EventCodec.toTree(grouping.group(EventCodec.decode(event()), plain).event());
		assertThat(withDefaults.get("fingerprint").toString()).isEqualTo("[\"global\"]");
		assertThat(withDefaults.at("/exception/values/0/stacktrace/frames/0/in_app").asBoolean()).isTrue();
	}

	@Test
	void unreadableStoredRulesNameTheSetting() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ProjectProcessing.compile(new ProjectSettings("nonsense", "", "", false, List.of(),
					List.of(), true, true, List.of(), List.of()), ScrubbingSettings.defaultSettings()))
			.withMessageStartingWith("fingerprintingRules:");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ProjectProcessing.compile(new ProjectSettings("", "stack.module:x", "", false, List.of(),
					List.of(), true, true, List.of(), List.of()), ScrubbingSettings.defaultSettings()))
			.withMessageStartingWith("groupingEnhancements:");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ProjectProcessing.compile(new ProjectSettings("", "", "{\"rules\": 1}", false, List.of(),
					List.of(), true, true, List.of(), List.of()), ScrubbingSettings.defaultSettings()))
			.withMessageStartingWith("relayPiiConfig:");
	}

}
