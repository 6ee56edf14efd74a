package dev.faultline.core.performance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * N+1 database queries: under one parent, at least {@code nPlusOneDbCount} database spans
 * in sequence (each starting after the previous ended) run the same parameterized
 * statement and together take at least {@code nPlusOneDbDurationMillis}. The database
 * span just before them with another statement (the query whose rows the loop walks) is
 * the cause. Grouped by the parent's op, the cause's statement and the repeated one.
 */
final class NPlusOneDbDetector implements SpanDetector {

	@Override
	public List<PerformanceProblem> detect(Segment segment, DetectionSettings settings) {
		List<PerformanceProblem> problems = new ArrayList<>();
		if (!settings.nPlusOneDbEnabled()) {
			return problems;
		}
		for (Map.Entry<String, List<ObservedSpan>> siblings : Spans.childrenByParent(segment).entrySet()) {
			List<ObservedSpan> queries = siblings.getValue().stream().filter(Spans::isDatabaseQuery).toList();
			String parentOp = Spans.opOf(segment, siblings.getKey());
			int start = 0;
			while (start < queries.size()) {
				String statement = Parameterized.sql(queries.get(start).description());
				int end = start + 1;
				while (end < queries.size() && queries.get(end).startMillis() >= queries.get(end - 1).endMillis()
						&& Parameterized.sql(queries.get(end).description()).equals(statement)) {
					end++;
				}
				List<ObservedSpan> repeated = queries.subList(start, end);
				if (repeated.size() >= settings.nPlusOneDbCount()
						&& totalMillis(repeated) >= settings.nPlusOneDbDurationMillis()) {
					ObservedSpan cause = (start > 0) ? queries.get(start - 1) : null;
					String causeStatement = (cause != null) ? Parameterized.sql(cause.description()) : "";
					problems.add(new PerformanceProblem(ProblemType.N_PLUS_ONE_DB_QUERIES,
							String.join("\n", ProblemType.N_PLUS_ONE_DB_QUERIES.slug(), parentOp, causeStatement,
									statement),
							statement, repeated.get(0).op(), Spans.ids(repeated),
							(cause != null) ? List.of(cause.spanId()) : List.of(), Spans.parents(repeated)));
				}
				start = end;
			}
		}
		return problems;
	}

	private static double totalMillis(List<ObservedSpan> spans) {
		return spans.stream().mapToDouble(ObservedSpan::durationMillis).sum();
	}

}
