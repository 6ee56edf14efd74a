package dev.faultline.core.grouping;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class InAppDefaultsTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void includesWinOverExcludesAndOtherFramesKeepTheSdkValue() {
		ObjectNode event = (ObjectNode) JSON.readTree("""
				{"exception": {"values": [{"type": "E", "stacktrace": {"frames": [
				  {"module": "com.acme.vendor.Lib", "function": "a", "in_app": false},
				  {"module": "com.acme.shop.Cart", "function": "b", "in_app": false},
				  {"module": "org.other.Thing", "function": "c", "in_app": true},
				  {"abs_path": "/app/src/index.js", "function": "d"},
				  {"module": "java.lang.Thread", "function": "e", "in_app": false}]}}]}}""");

		int changed = new InAppDefaults(List.of("com.acme.shop", "/app/src/"), List.of("com.acme", "org.other"))
			.apply(event);

		assertThat(changed).isEqualTo(3);
		assertThat(event.at("/exception/values/0/stacktrace/frames").findValuesAsString("function")).hasSize(5);
		assertThat(event.at("/exception/values/0/stacktrace/frames/0/in_app").asBoolean()).isFalse();
		assertThat(event.at("/exception/values/0/stacktrace/frames/1/in_app").asBoolean()).isTrue();
		assertThat(event.at("/exception/values/0/stacktrace/frames/2/in_app").asBoolean()).isFalse();
		assertThat(event.at("/exception/values/0/stacktrace/frames/3/in_app").asBoolean()).isTrue();
		assertThat(event.at("/exception/values/0/stacktrace/frames/4/in_app").asBoolean()).isFalse();
		assertThat(InAppDefaults.NONE.apply(event)).isZero();
	}

}
