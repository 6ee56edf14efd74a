package dev.faultline.core.performance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PerformanceDetectionTest {

	private final PerformanceDetection detection = new PerformanceDetection();

	@Test
	void repeatedQueriesUnderOneParentAreAnNPlusOneWithTheListQueryAsCause() {
		List<ObservedSpan> spans = new ArrayList<>();
		spans.add(ObservedSpan.of("root", null, "http.server", "GET /authors", 0, 400));
		spans.add(ObservedSpan.of("list", "root", "db.sql.query", "SELECT id FROM authors", 1, 11));
		for (int i = 0; i < 8; i++) {
			spans.add(ObservedSpan.of("q" + i, "root", "db.sql.query",
					"SELECT * FROM books WHERE author_id = " + (100 + i), 12 + i * 20, 12 + i * 20 + 18));
		}
		List<PerformanceProblem> problems = this.detection
			.detect(new Segment("GET /authors", "http.server", spans, null), DetectionSettings.DEFAULTS);

		assertThat(problems).singleElement().satisfies((problem) -> {
			assertThat(problem.type()).isEqualTo(ProblemType.N_PLUS_ONE_DB_QUERIES);
			assertThat(problem.description()).isEqualTo("SELECT * FROM books WHERE author_id = %s");
			assertThat(problem.offenderSpanIds()).containsExactly("q0", "q1", "q2", "q3", "q4", "q5", "q6", "q7");
			assertThat(problem.causeSpanIds()).containsExactly("list");
			assertThat(problem.parentSpanIds()).containsExactly("root");
			assertThat(problem.op()).isEqualTo("db.sql.query");
		});
	}

	@Test
	void theSameLoopWithOtherValuesGroupsAlikeAndTheFixedProgramHasNoProblem() {
		Segment loop = authors(8, 1000, 20);
		Segment otherValues = authors(6, 5000, 25);
		Segment fixed = new Segment("GET /authors", "http.server",
				List.of(ObservedSpan.of("root", null, "http.server", "GET /authors", 0, 100),
						ObservedSpan.of("list", "root", "db.sql.query", "SELECT id FROM authors", 1, 11),
						ObservedSpan.of("books", "root", "db.sql.query",
								"SELECT * FROM books WHERE author_id IN (1, 2, 3, 4, 5, 6, 7, 8)", 12, 40)),
				null);

		assertThat(this.detection.detect(loop, DetectionSettings.DEFAULTS).get(0).fingerprint())
			.isEqualTo(this.detection.detect(otherValues, DetectionSettings.DEFAULTS).get(0).fingerprint());
		assertThat(this.detection.detect(fixed, DetectionSettings.DEFAULTS)).isEmpty();
	}

	@Test
	void tooFewTooFastOrParallelRepetitionsAreNotAnNPlusOne() {
		assertThat(this.detection.detect(authors(4, 1, 50), DetectionSettings.DEFAULTS)).isEmpty();
		assertThat(this.detection.detect(authors(8, 1, 5), DetectionSettings.DEFAULTS)).as("8 × 5 ms < 100 ms")
			.isEmpty();
		List<ObservedSpan> parallel = new ArrayList<>();
		parallel.add(ObservedSpan.of("root", null, "http.server", "GET /authors", 0, 400));
		for (int i = 0; i < 8; i++) {
			parallel
				.add(ObservedSpan.of("q" + i, "root", "db", "SELECT * FROM books WHERE author_id = " + i, 10, 10 + 50));
		}
		assertThat(this.detection.detect(new Segment("t", "http.server", parallel, null), DetectionSettings.DEFAULTS))
			.isEmpty();
		assertThat(this.detection.detect(authors(8, 1, 50),
				DetectionSettings.DEFAULTS.with(Map.of("n_plus_one_db_queries_detection_enabled", "false"))))
			.isEmpty();
	}

	@Test
	void aSlowSelectIsASlowQueryAndTheProjectThresholdDecides() {
		Segment segment = new Segment("GET /report", "http.server",
				List.of(ObservedSpan.of("root", null, "http.server", "GET /report", 0, 3000),
						ObservedSpan.of("slow", "root", "db.sql.query", "SELECT * FROM orders WHERE total > 100", 10,
								1510),
						ObservedSpan.of("write", "root", "db.sql.query", "UPDATE orders SET seen = 1", 1520, 2900),
						ObservedSpan.of("fast", "root", "db.sql.query", "SELECT 1", 2900, 2950)),
				null);

		assertThat(this.detection.detect(segment, DetectionSettings.DEFAULTS)).singleElement().satisfies((problem) -> {
			assertThat(problem.type()).isEqualTo(ProblemType.SLOW_DB_QUERY);
			assertThat(problem.offenderSpanIds()).containsExactly("slow");
			assertThat(problem.description()).isEqualTo("SELECT * FROM orders WHERE total > %s");
		});
		assertThat(this.detection.detect(segment,
				DetectionSettings.DEFAULTS.with(Map.of("slow_db_query_duration_threshold", "2000"))))
			.isEmpty();
	}

	@Test
	void sequentialSlowHttpCallsAreConsecutiveHttpAndParallelOnesAreNot() {
		List<ObservedSpan> sequential = new ArrayList<>();
		sequential.add(ObservedSpan.of("root", null, "http.server", "GET /checkout", 0, 6000));
		for (int i = 0; i < 3; i++) {
			sequential.add(ObservedSpan.of("h" + i, "root", "http.client",
					"GET https://api.example.com/items/" + (i + 10) + "?expand=1", 10 + i * 1300,
					10 + i * 1300 + 1200));
		}
		List<PerformanceProblem> problems = this.detection
			.detect(new Segment("GET /checkout", "http.server", sequential, null), DetectionSettings.DEFAULTS);
		assertThat(problems).singleElement().satisfies((problem) -> {
			assertThat(problem.type()).isEqualTo(ProblemType.CONSECUTIVE_HTTP);
			assertThat(problem.offenderSpanIds()).containsExactly("h0", "h1", "h2");
			assertThat(problem.description()).isEqualTo("GET https://api.example.com/items/*");
		});

		List<ObservedSpan> parallel = new ArrayList<>();
		parallel.add(ObservedSpan.of("root", null, "http.server", "GET /checkout", 0, 6000));
		for (int i = 0; i < 3; i++) {
			parallel.add(ObservedSpan.of("h" + i, "root", "http.client", "GET https://api.example.com/items/" + i,
					10 + i, 1300 + i));
		}
		assertThat(this.detection.detect(new Segment("GET /checkout", "http.server", parallel, null),
				DetectionSettings.DEFAULTS))
			.isEmpty();
	}

	@Test
	void aLargeBlockingScriptBeforeTheFirstPaintIsRenderBlockingAndUncompressed() {
		ObservedSpan script = new ObservedSpan("js", "root", "resource.script", "https://cdn.example.com/app.js?v=3",
				100, 1400, 800_000, 800_000, true);
		ObservedSpan image = new ObservedSpan("img", "root", "resource.img", "https://cdn.example.com/hero.png", 100,
				2000, 900_000, 900_000, false);
		Segment page = new Segment("/checkout", "pageload",
				List.of(ObservedSpan.of("root", null, "pageload", "/checkout", 0, 5000), script, image), 3000.0);

		assertThat(this.detection.detect(page, DetectionSettings.DEFAULTS)).extracting(PerformanceProblem::type)
			.containsExactly(ProblemType.RENDER_BLOCKING_ASSET, ProblemType.UNCOMPRESSED_ASSET);
		Segment fastPaint = new Segment("/checkout", "pageload", page.spans(), 1500.0);
		assertThat(this.detection.detect(fastPaint, DetectionSettings.DEFAULTS)).extracting(PerformanceProblem::type)
			.containsExactly(ProblemType.UNCOMPRESSED_ASSET);
	}

	@Test
	void settingsReadAndWriteBySentryKeysAndRefuseWhatTheyDoNotKnow() {
		DetectionSettings changed = DetectionSettings.DEFAULTS
			.with(Map.of("slow_db_query_duration_threshold", "1500", "uncompressed_assets_detection_enabled", "false"));

		assertThat(changed.values()).containsEntry("slow_db_query_duration_threshold", 1500L)
			.containsEntry("uncompressed_assets_detection_enabled", false)
			.containsEntry("render_blocking_fcp_ratio", 0.33)
			.containsEntry("n_plus_one_db_duration_threshold", 100L);
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> DetectionSettings.DEFAULTS.with(Map.of("nope", "1")))
			.withMessageContaining("nope");
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> DetectionSettings.DEFAULTS.with(Map.of("slow_db_query_duration_threshold", "5")))
			.withMessageContaining("between 100 and 60000");
	}

	private static Segment authors(int repetitions, int firstId, double queryMillis) {
		List<ObservedSpan> spans = new ArrayList<>();
		spans.add(ObservedSpan.of("root", null, "http.server", "GET /authors", 0, 10_000));
		spans.add(ObservedSpan.of("list", "root", "db.sql.query", "SELECT id FROM authors", 1, 11));
		double at = 12;
		for (int i = 0; i < repetitions; i++) {
			spans.add(ObservedSpan.of("q" + i, "root", "db.sql.query",
					"SELECT * FROM books WHERE author_id = " + (firstId + i), at, at + queryMillis));
			at += queryMillis + 1;
		}
		return new Segment("GET /authors", "http.server", spans, null);
	}

}
