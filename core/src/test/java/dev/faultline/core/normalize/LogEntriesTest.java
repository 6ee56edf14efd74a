package dev.faultline.core.normalize;

import java.util.List;

import dev.faultline.core.Samples;
import dev.faultline.protocol.event.Event;
import dev.faultline.protocol.event.EventCodec;
import dev.faultline.protocol.event.LogEntry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class LogEntriesTest {

	@Test
	void substitutesPrintfIndexedAndSequentialPlaceholders() {
		assertThat(LogEntries.substitute("User %s after %d tries (100%%)", List.of("bob", "3")))
			.isEqualTo("User bob after 3 tries (100%)");
		assertThat(LogEntries.substitute("{1} then {0}", List.of("a", "b"))).isEqualTo("b then a");
		assertThat(LogEntries.substitute("{} and {}", List.of("a", "b"))).isEqualTo("a and b");
		assertThat(LogEntries.substitute("%s and %s", List.of("a"))).isEqualTo("a and %s");
	}

	// A template repeating one long param must not multiply it: the result stops one
	// character past what the trimmer keeps, so the trimmer still marks it.
	@Test
	void formattingStopsPastTheMessageLimit() {
		String param = "x".repeat(100_000);
		String formatted = LogEntries.substitute("{0}".repeat(100_000), List.of(param));
		assertThat(formatted).hasSize(EventTrimmer.MAX_MESSAGE + 1);
		// The template is cut first: its 8,193 characters, less one for each placeholder.
		assertThat(LogEntries.substitute("%s %s " + "a".repeat(20_000), List.of("p", "q")))
			.hasSize(EventTrimmer.MAX_MESSAGE - 1)
			.startsWith("p q a");
	}

	@Test
	void keepsFormattedWhenGivenAndDropsEmptyMessages() {
		Event raw = EventCodec.decode((ObjectNode) Samples.JSON
			.readTree("{\"message\": {\"formatted\": \"done\", \"message\": \"%s\", \"params\": [\"done\"]}}"));
		LogEntry entry = LogEntries.from(raw);
		assertThat(entry).isNotNull();
		assertThat(entry.formatted()).isEqualTo("done");
		assertThat(entry.message()).isEqualTo("%s");
		assertThat(entry.params().toString()).isEqualTo("[\"done\"]");
		assertThat(LogEntries.from(EventCodec.decode((ObjectNode) Samples.JSON.readTree("{\"message\": \"  \"}"))))
			.isNull();
	}

}
