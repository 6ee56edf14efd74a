package dev.faultline.api.trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.faultline.api.issue.ShortIds;
import dev.faultline.query.Condition;
import dev.faultline.query.Dataset;
import dev.faultline.query.Datasets;
import dev.faultline.query.Expression;
import dev.faultline.query.Order;
import dev.faultline.query.Query;
import dev.faultline.query.QueryResult;
import dev.faultline.query.TimeRange;
import dev.faultline.storage.events.EventReader;
import dev.faultline.storage.events.QueryRunner;
import dev.faultline.storage.events.StoredEvent;
import dev.faultline.storage.metadata.Issue;
import dev.faultline.storage.metadata.IssueReader;
import dev.faultline.storage.metadata.Project;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The error events of a trace: those of the given projects whose {@code trace} is the
 * trace id (the errors dataset, through the query role), each with the span its
 * {@code contexts.trace.span_id} names (read from the stored event) and its issue's short
 * id and type (a performance issue's events are occurrences). At most {@link #LIMIT},
 * oldest first.
 */
@Component
class TraceErrors {

	/** The most error events one trace answers with. */
	static final int LIMIT = 100;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final QueryRunner queries;

	private final EventReader events;

	private final IssueReader issues;

	TraceErrors(QueryRunner queries, EventReader events, IssueReader issues) {
		this.queries = queries;
		this.events = events;
		this.issues = issues;
	}

	List<TraceError> of(String traceId, Map<Long, Project> projects) {
		Expression id = Expression.field(Datasets.ERRORS, "id");
		Expression project = Expression.field(Datasets.ERRORS, Dataset.PROJECT);
		Expression timestamp = Expression.field(Datasets.ERRORS, "timestamp");
		Query query = Query.builder(Datasets.ERRORS, projects.keySet().stream().sorted().toList(), TimeRange.ALL)
			.select(id, project, Expression.field(Datasets.ERRORS, "issue.id"), timestamp)
			.where(new Condition.Compare(Expression.field(Datasets.ERRORS, "trace"), Condition.Operator.EQUALS,
					traceId))
			.orderBy(Order.asc(timestamp))
			.page(0, LIMIT)
			.build();
		QueryResult result = this.queries.run(query);
		Map<Long, Optional<Issue>> issueCache = new HashMap<>();
		List<TraceError> errors = new ArrayList<>();
		for (List<@Nullable Object> row : result.rows()) {
			String eventId = (String) row.get(0);
			long projectId = (Long) row.get(1);
			Optional<StoredEvent> stored = this.events.find(projectId, eventId);
			if (stored.isEmpty()) {
				continue;
			}
			StoredEvent event = stored.get();
			Optional<Issue> issue = issueCache.computeIfAbsent(event.issueId(), this.issues::findById);
			Project owner = projects.get(projectId);
			String slug = (owner != null) ? owner.slug() : "";
			errors.add(new TraceError(eventId, event.issueId(), projectId, slug, spanId(event.payload()), event.title(),
					event.level(), event.culprit(), event.transaction(),
					issue.map((found) -> ShortIds.format(slug, found.shortNumber())).orElse(null),
					issue.map(Issue::issueType).orElse("error"), event.timestamp()));
		}
		return errors;
	}

	/** The span the event names in its trace context, or null. */
	private static @Nullable String spanId(String payload) {
		JsonNode span = JSON.readTree(payload).path("contexts").path("trace").path("span_id");
		return span.isString() ? span.stringValue() : null;
	}

}
