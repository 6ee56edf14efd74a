package dev.faultline.api.discover;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import dev.faultline.api.web.ApiException;
import dev.faultline.api.web.ProjectParameter;
import dev.faultline.query.Condition;
import dev.faultline.query.Dataset;
import dev.faultline.query.Datasets;
import dev.faultline.query.Expression;
import dev.faultline.query.Query;
import dev.faultline.query.SearchConditions;
import dev.faultline.query.TimeRange;
import dev.faultline.storage.metadata.Project;
import org.jspecify.annotations.Nullable;

/**
 * What every Discover request reads: the dataset, the organization's projects it names,
 * the time range and the row conditions of its {@code query} and {@code environment}
 * parameters.
 *
 * @param dataset the dataset read
 * @param projects the projects read, by id (all visible to the caller)
 * @param range the time range
 * @param conditions row conditions, ANDed
 */
record DiscoverScope(Dataset dataset, Map<Long, Project> projects, TimeRange range, List<Condition> conditions) {

	/**
	 * Sentry's {@code dataset} names and the dataset each reads. {@code discover},
	 * Sentry's default (errors and transactions in one table), reads errors here:
	 * transactions are a dataset of their own. {@code spansIndexed} is Sentry's former
	 * name of the spans (names are matched ignoring case).
	 */
	private static final Map<String, Dataset> DATASETS = Map.of("errors", Datasets.ERRORS, "discover", Datasets.ERRORS,
			"transactions", Datasets.TRANSACTIONS, "spans", Datasets.SPANS, "spansindexed", Datasets.SPANS);

	/** The default of the {@code dataset} parameter. */
	static final String DEFAULT_DATASET = "discover";

	DiscoverScope {
		projects = Map.copyOf(projects);
		conditions = List.copyOf(conditions);
	}

	List<Long> projectIds() {
		return this.projects.keySet().stream().sorted().toList();
	}

	/**
	 * Starts a query of this scope over a range: its dataset, projects and conditions;
	 * counts and rates extrapolated by the sample weight where the dataset has one (as
	 * Sentry extrapolates sampled spans).
	 */
	Query.Builder query(TimeRange range) {
		return Query.builder(this.dataset, projectIds(), range)
			.where(this.conditions)
			.extrapolated(this.dataset.sampleWeight().isPresent());
	}

	/**
	 * Reads the scope of a request.
	 * @param organizationProjects every project of the caller's organization
	 * @param now the instant relative times count back from
	 * @throws ApiException 400 for an unknown dataset, a malformed parameter or search;
	 * 403 for a project outside the organization
	 */
	static DiscoverScope parse(List<Project> organizationProjects, Instant now, @Nullable String datasetName,
			@Nullable List<String> projectParams, @Nullable List<String> environments, @Nullable String query,
			@Nullable String statsPeriod, @Nullable String start, @Nullable String end) {
		Dataset dataset = dataset(datasetName);
		if (organizationProjects.isEmpty()) {
			throw ApiException.badRequest("The organization has no projects");
		}
		Map<Long, Project> projects = ProjectParameter.select(organizationProjects, projectParams);
		TimeRange range = TimeWindow.range(now, statsPeriod, start, end);
		List<Condition> conditions = new ArrayList<>();
		if (query != null && !query.isBlank()) {
			try {
				conditions.addAll(new SearchConditions(dataset).parse(query, now));
			}
			catch (IllegalArgumentException ex) {
				throw ApiException.badRequest("Invalid query: " + ex.getMessage());
			}
		}
		List<Object> names = (environments != null) ? environments.stream()
			.filter((name) -> !name.isBlank())
			.distinct()
			.<Object>map((name) -> name)
			.toList() : List.of();
		if (!names.isEmpty()) {
			Expression environment = dataset.find("environment")
				.<Expression>map(Expression.Field::new)
				.orElseThrow(() -> ApiException.badRequest("the " + dataset + " dataset has no environment"));
			conditions.add(new Condition.In(environment, names));
		}
		return new DiscoverScope(dataset, projects, range, conditions);
	}

	private static Dataset dataset(@Nullable String name) {
		String key = (name == null || name.isBlank()) ? DEFAULT_DATASET : name.trim().toLowerCase(Locale.ROOT);
		Dataset dataset = DATASETS.get(key);
		if (dataset == null) {
			throw ApiException.badRequest("Unsupported dataset " + name + "; one of "
					+ DATASETS.keySet().stream().sorted().collect(Collectors.joining(", ")));
		}
		return dataset;
	}

}
