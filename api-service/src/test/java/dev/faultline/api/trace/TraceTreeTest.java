package dev.faultline.api.trace;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.faultline.storage.spans.StoredSpan;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trace tree's shape: occurrences beside errors, and no unbounded nesting.
 */
class TraceTreeTest {

	private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

	@Test
	void aChainDeeperThanTheLimitContinuesAsANewRoot() {
		List<StoredSpan> chain = new ArrayList<>();
		for (int i = 0; i < TraceTree.MAX_DEPTH + 5; i++) {
			chain.add(span(String.format("%016x", i + 1), (i == 0) ? null : String.format("%016x", i), i));
		}

		List<Map<String, Object>> roots = TraceTree.build(chain, List.of(), Map.of(1L, "shop"));

		assertThat(roots).hasSize(2);
		assertThat(depth(roots.get(0))).isEqualTo(TraceTree.MAX_DEPTH);
		assertThat(roots.get(1).get("event_id")).isEqualTo(String.format("%016x", TraceTree.MAX_DEPTH + 1));
		assertThat(depth(roots.get(1))).isEqualTo(5);
	}

	@Test
	void occurrencesAndErrorsAreListedApartOnTheirSpan() {
		StoredSpan root = span("0000000000000001", null, 0);
		TraceError error = new TraceError("e1", 5, 1, "shop", "0000000000000001", "Boom", "error", "x", null, "SHOP-1",
				"error", T0);
		TraceError occurrence = new TraceError("e2", 6, 1, "shop", "0000000000000001", "N+1 Query", "info", "x", null,
				"SHOP-2", "performance_n_plus_one_db_queries", T0);

		Map<String, Object> node = TraceTree.build(List.of(root), List.of(error, occurrence), Map.of()).get(0);

		assertThat((List<?>) node.get("errors")).hasSize(1);
		assertThat((List<?>) node.get("occurrences")).singleElement()
			.satisfies((entry) -> assertThat(((Map<?, ?>) entry).get("event_type")).isEqualTo("occurrence"));
	}

	private static int depth(Map<String, Object> node) {
		int depth = 1;
		Map<?, ?> current = node;
		while (!((List<?>) current.get("children")).isEmpty()) {
			current = (Map<?, ?>) ((List<?>) current.get("children")).get(0);
			depth++;
		}
		return depth;
	}

	private static StoredSpan span(String id, String parent, int offset) {
		Instant start = T0.plusMillis(offset);
		return new StoredSpan(1, TRACE, id, parent, "0000000000000001", null, parent == null, start,
				start.plusMillis(10), 10, 10, T0, "op", "d", "ok", "t", null, null, null, null, null, 1, Map.of(),
				Map.of(), Map.of());
	}

}
