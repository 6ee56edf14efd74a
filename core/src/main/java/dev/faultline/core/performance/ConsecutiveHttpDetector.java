package dev.faultline.core.performance;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Consecutive HTTP calls: at least {@code consecutiveHttpCount} outgoing HTTP calls
 * ({@code http.client}) made one after another (each starting after the previous ended,
 * at most {@code consecutiveHttpMaxGapMillis} later), each taking at least
 * {@code consecutiveHttpSpanMillis}, where running them in parallel would have saved at
 * least {@code consecutiveHttpMinTimeSavedMillis} (their total minus the longest). An
 * overlapping call ends the sequence: those calls already run in parallel. Grouped by the
 * parameterized URLs of the sequence.
 */
final class ConsecutiveHttpDetector implements SpanDetector {

	@Override
	public List<PerformanceProblem> detect(Segment segment, DetectionSettings settings) {
		List<PerformanceProblem> problems = new ArrayList<>();
		if (!settings.consecutiveHttpEnabled()) {
			return problems;
		}
		List<ObservedSpan> run = new ArrayList<>();
		for (ObservedSpan span : segment.spans()) {
			if (!span.isOp("http.client") || span.durationMillis() < settings.consecutiveHttpSpanMillis()) {
				continue;
			}
			if (!run.isEmpty()) {
				ObservedSpan previous = run.get(run.size() - 1);
				boolean follows = span.startMillis() >= previous.endMillis()
						&& span.startMillis() - previous.endMillis() <= settings.consecutiveHttpMaxGapMillis();
				if (!follows) {
					report(run, settings, problems);
					run = new ArrayList<>();
				}
			}
			run.add(span);
		}
		report(run, settings, problems);
		return problems;
	}

	private static void report(List<ObservedSpan> run, DetectionSettings settings, List<PerformanceProblem> problems) {
		if (run.size() < settings.consecutiveHttpCount()) {
			return;
		}
		double total = run.stream().mapToDouble(ObservedSpan::durationMillis).sum();
		double longest = run.stream().mapToDouble(ObservedSpan::durationMillis).max().orElse(0);
		if (total - longest < settings.consecutiveHttpMinTimeSavedMillis()) {
			return;
		}
		String urls = run.stream()
			.map((span) -> Parameterized.url(span.description()))
			.distinct()
			.collect(Collectors.joining("\n"));
		problems.add(new PerformanceProblem(ProblemType.CONSECUTIVE_HTTP,
				ProblemType.CONSECUTIVE_HTTP.slug() + "\n" + urls, Parameterized.url(run.get(0).description()),
				run.get(0).op(), Spans.ids(run), List.of(), Spans.parents(run)));
	}

}
