package dev.faultline.core.grouping;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.faultline.core.Samples;
import dev.faultline.protocol.event.EventCodec;
import dev.faultline.core.normalize.EventNormalizer;
import dev.faultline.core.normalize.NormalizationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The grouping corpus ({@code grouping/corpus.json}): pairs of Java, Node, browser
 * JavaScript and Python events in the shapes their SDKs send, each with whether they must
 * share a group and, for some, the variant that must group them. Every pair goes through
 * normalization first, as in the processor.
 */
class GroupingCorpusTest {

	private static final NormalizationContext CONTEXT = new NormalizationContext(Instant.parse("2026-11-25T01:00:00Z"),
			"203.0.113.7", null, null);

	private final EventNormalizer normalizer = new EventNormalizer();

	private final Grouper grouper = new Grouper();

	static Stream<Arguments> corpus() {
		List<Arguments> cases = new ArrayList<>();
		for (JsonNode entry : load()) {
			cases.add(Arguments.of(entry.get("name").asString(), entry));
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("corpus")
	void pairGroupsAsExpected(String name, JsonNode entry) {
		GroupingResult a = group((ObjectNode) entry.get("a"));
		GroupingResult b = group((ObjectNode) entry.get("b"));
		if ("same".equals(entry.get("expect").asString())) {
			assertThat(b.hash()).as("%s%n a: %s%n b: %s", name, a.components(), b.components()).isEqualTo(a.hash());
		}
		else {
			assertThat(b.hash()).as("%s%n a: %s%n b: %s", name, a.components(), b.components()).isNotEqualTo(a.hash());
		}
		if (entry.has("variant")) {
			assertThat(a.variant()).as(name).isEqualTo(entry.get("variant").asString());
		}
	}

	@Test
	void corpusCoversEveryPlatformWithAtLeastSixtyCases() {
		List<JsonNode> cases = new ArrayList<>();
		load().forEach(cases::add);
		assertThat(cases).hasSizeGreaterThanOrEqualTo(60);
		assertThat(cases).extracting((entry) -> entry.get("platform").asString())
			.contains("java", "node", "javascript", "python");
		assertThat(cases).extracting((entry) -> entry.get("expect").asString()).contains("same", "different");
	}

	private GroupingResult group(ObjectNode raw) {
		return this.grouper.group(EventCodec.decode(this.normalizer.normalize(raw, CONTEXT)));
	}

	private static JsonNode load() {
		try (InputStream in = GroupingCorpusTest.class.getResourceAsStream("/grouping/corpus.json")) {
			return Samples.JSON.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
