package dev.faultline.core.grouping;

import java.util.List;

import dev.faultline.protocol.event.Event;
import dev.faultline.protocol.event.EventCodec;
import dev.faultline.protocol.event.Frame;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class InAppDefaultsTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void includesWinOverExcludesAndOtherFramesKeepTheSdkValue() {
		Event event = EventCodec.decode((ObjectNode) JSON.readTree("""
				{"exception": {"values": [{"type": "E", "stacktrace": {"frames": [
				  {"module": "com.acme.vendor.Lib", "function": "a", "in_app": false},
				  {"module": "com.acme.shop.Cart", "function": "b", "in_app": false},
				  {"module": "org.other.Thing", "function": "c", "in_app": true},
				  {"abs_path": "/app/src/index.js", "function": "d"},
				  {"module": "java.lang.Thread", "function": "e", "in_app": false}]}}]}}"""));

		Event applied = new InAppDefaults(List.of("com.acme.shop", "/app/src/"), List.of("com.acme", "org.other"))
			.apply(event);

		assertThat(applied.exceptions().get(0).frames()).extracting(Frame::function)
			.containsExactly("a", "b", "c", "d", "e");
		assertThat(applied.exceptions().get(0).frames()).extracting(Frame::inApp)
			.containsExactly(false, true, false, true, false);
		assertThat(InAppDefaults.NONE.apply(event)).isSameAs(event);
		assertThat(new InAppDefaults(List.of("nothing.matches"), List.of()).apply(event)).isSameAs(event);
	}

}
