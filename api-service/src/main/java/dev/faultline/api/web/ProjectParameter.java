package dev.faultline.api.web;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.faultline.storage.metadata.Project;
import org.jspecify.annotations.Nullable;

/**
 * Sentry's repeated {@code project} query parameter of the organization endpoints:
 * project ids, each value possibly comma-separated; none, or {@code -1} among them, means
 * every project of the organization.
 */
public final class ProjectParameter {

	private ProjectParameter() {
	}

	/**
	 * The ids asked for; empty for every project.
	 * @throws ApiException 400 for a value that is not a number
	 */
	public static Set<Long> ids(@Nullable List<String> values) {
		Set<Long> ids = new LinkedHashSet<>();
		for (String value : (values != null) ? values : List.<String>of()) {
			for (String part : value.split(",")) {
				if (part.isBlank()) {
					continue;
				}
				try {
					long id = Long.parseLong(part.trim());
					if (id == -1) {
						return Set.of();
					}
					ids.add(id);
				}
				catch (NumberFormatException ex) {
					throw ApiException.badRequest("Invalid project parameter. Values must be numbers.");
				}
			}
		}
		return ids;
	}

	/**
	 * The projects of the organization the parameter selects, by id.
	 * @param all the organization's projects
	 * @param values the parameter's values
	 * @return the selected projects; all of them when none is named
	 * @throws ApiException 400 for a value that is not a number, 403 for an id that is no
	 * project of the organization (another organization's, or none: Sentry refuses alike)
	 */
	public static Map<Long, Project> select(List<Project> all, @Nullable List<String> values) {
		Set<Long> wanted = ids(values);
		Map<Long, Project> byId = all.stream().collect(Collectors.toMap(Project::id, Function.identity()));
		if (wanted.isEmpty()) {
			return byId;
		}
		Map<Long, Project> selected = new HashMap<>();
		for (long id : wanted) {
			Project project = byId.get(id);
			if (project == null) {
				throw ApiException.forbidden();
			}
			selected.put(id, project);
		}
		return selected;
	}

}
