package dev.faultline.api.project;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.faultline.api.web.ApiDates;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.Project;
import dev.faultline.storage.metadata.Team;

import org.jspecify.annotations.Nullable;

/**
 * A project as Sentry renders it; the detail adds its organization.
 *
 * @param platform null when unknown, as in Sentry
 */
record ProjectJson(String id, String slug, String name, @Nullable String platform, String dateCreated,
		boolean isBookmarked, boolean isMember, boolean hasAccess, boolean isPublic, List<String> features,
		String status, @Nullable String firstEvent, @Nullable TeamRef team, List<TeamRef> teams,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable OrganizationRef organization) {

	static ProjectJson of(Project project, @Nullable Team team, @Nullable Organization organization) {
		TeamRef teamRef = (team != null) ? TeamRef.of(team) : null;
		return new ProjectJson(Long.toString(project.id()), project.slug(), project.name(),
				project.platform().isEmpty() ? null : project.platform(), ApiDates.format(project.dateCreated()), false,
				true, true, false, List.of(), "active",
				(project.firstEvent() != null) ? ApiDates.format(project.firstEvent()) : null, teamRef,
				(teamRef != null) ? List.of(teamRef) : List.of(),
				(organization != null) ? OrganizationRef.of(organization) : null);
	}

	record TeamRef(String id, String slug, String name) {

		static TeamRef of(Team team) {
			return new TeamRef(Long.toString(team.id()), team.slug(), team.name());
		}

	}

	record OrganizationRef(String id, String slug, String name, String dateCreated) {

		static OrganizationRef of(Organization organization) {
			return new OrganizationRef(Long.toString(organization.id()), organization.slug(), organization.name(),
					ApiDates.format(organization.dateCreated()));
		}

	}

}
