package dev.faultline.core.performance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Slow database queries: {@code SELECT} statements that took at least
 * {@code slowDbQueryMillis}. Writes are left alone (their time is often the lock or the
 * index maintenance, not the query). One problem per parameterized statement, grouped by
 * it.
 */
final class SlowDbQueryDetector implements SpanDetector {

	@Override
	public List<PerformanceProblem> detect(Segment segment, DetectionSettings settings) {
		List<PerformanceProblem> problems = new ArrayList<>();
		if (!settings.slowDbQueryEnabled()) {
			return problems;
		}
		Map<String, List<ObservedSpan>> slowByStatement = new LinkedHashMap<>();
		for (ObservedSpan span : segment.spans()) {
			if (Spans.isDatabaseQuery(span) && isSelect(span.description())
					&& span.durationMillis() >= settings.slowDbQueryMillis()) {
				slowByStatement.computeIfAbsent(Parameterized.sql(span.description()), (key) -> new ArrayList<>())
					.add(span);
			}
		}
		slowByStatement.forEach((statement,
				spans) -> problems.add(new PerformanceProblem(ProblemType.SLOW_DB_QUERY,
						ProblemType.SLOW_DB_QUERY.slug() + "\n" + statement, statement, spans.get(0).op(),
						Spans.ids(spans), List.of(), Spans.parents(spans))));
		return problems;
	}

	private static boolean isSelect(String description) {
		String statement = description.stripLeading();
		return statement.length() >= 6 && statement.substring(0, 6).toUpperCase(Locale.ROOT).equals("SELECT");
	}

}
