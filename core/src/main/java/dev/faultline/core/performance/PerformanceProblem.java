package dev.faultline.core.performance;

import java.util.List;
import java.util.Objects;

/**
 * A problem a detector found in one segment.
 *
 * @param type its kind
 * @param fingerprint what groups it: problems with equal fingerprints in one project are
 * one issue (the kind, and the parameterized query or URLs that repeat)
 * @param description what the offending spans did, parameterized for the subtitle
 * @param op the offending spans' op
 * @param offenderSpanIds the spans that are the problem
 * @param causeSpanIds spans that led to it (the query whose rows an N+1 walks); may be
 * empty
 * @param parentSpanIds the parents of the offenders
 */
public record PerformanceProblem(ProblemType type, String fingerprint, String description, String op,
		List<String> offenderSpanIds, List<String> causeSpanIds, List<String> parentSpanIds) {

	public PerformanceProblem {
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(fingerprint, "fingerprint");
		Objects.requireNonNull(description, "description");
		Objects.requireNonNull(op, "op");
		offenderSpanIds = List.copyOf(offenderSpanIds);
		causeSpanIds = List.copyOf(causeSpanIds);
		parentSpanIds = List.copyOf(parentSpanIds);
	}

}
