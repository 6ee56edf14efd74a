package dev.faultline.alerts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.faultline.query.Condition;
import dev.faultline.query.Datasets;
import dev.faultline.query.Expression;
import dev.faultline.query.FieldParser;
import dev.faultline.query.Query;
import dev.faultline.query.QueryResult;
import dev.faultline.query.TimeRange;
import dev.faultline.storage.events.QueryRunner;

/**
 * {@link EventCounts} as one query of the typed model per call: the errors dataset of the
 * project, the issues in question, grouped by issue, {@code count()} or
 * {@code count_unique(user)}. One call answers every issue of a batch.
 */
public final class QueryEventCounts implements EventCounts {

	private final QueryRunner runner;

	public QueryEventCounts(QueryRunner runner) {
		this.runner = runner;
	}

	@Override
	public Map<Long, Long> count(long projectId, Collection<Long> issueIds, Instant from, Instant to,
			boolean uniqueUsers) {
		if (issueIds.isEmpty() || !from.isBefore(to)) {
			return Map.of();
		}
		FieldParser fields = new FieldParser(Datasets.ERRORS);
		Expression issue = fields.parse("issue.id").expression();
		Expression counted = fields.parse(uniqueUsers ? "count_unique(user)" : "count()").expression();
		Query query = Query.builder(Datasets.ERRORS, List.of(projectId), new TimeRange(from, to))
			.select(issue, counted)
			.where(new Condition.In(issue, new ArrayList<>(issueIds)))
			.groupBy(issue)
			.page(0, Math.max(1, issueIds.size()))
			.build();
		QueryResult result = this.runner.run(query);
		Map<Long, Long> counts = new HashMap<>();
		for (List<Object> row : result.rows()) {
			if (row.get(0) instanceof Number id && row.get(1) instanceof Number count) {
				counts.put(id.longValue(), count.longValue());
			}
		}
		return counts;
	}

}
