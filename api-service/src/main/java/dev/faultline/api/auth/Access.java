package dev.faultline.api.auth;

import java.util.Collection;
import java.util.Optional;

import dev.faultline.api.web.ApiException;
import dev.faultline.storage.metadata.Issue;
import dev.faultline.storage.metadata.IssueReader;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.OrganizationStore;
import dev.faultline.storage.metadata.Project;
import dev.faultline.storage.metadata.ProjectStore;

import org.springframework.stereotype.Component;

/**
 * The tenancy gate of the Web API: every organization, project (and, through its project,
 * every issue and event) a controller serves is fetched here, and only when the caller is
 * a member of the owning organization. Anything else is answered 404 exactly like a
 * missing object, so other tenants' slugs and ids cannot be probed. Scope checks follow
 * the membership check, as in Sentry (403 only for what the caller may know exists).
 */
@Component
public class Access {

	private final OrganizationStore organizations;

	private final ProjectStore projects;

	private final IssueReader issues;

	Access(OrganizationStore organizations, ProjectStore projects, IssueReader issues) {
		this.organizations = organizations;
		this.projects = projects;
		this.issues = issues;
	}

	/**
	 * The organization by slug.
	 * @throws ApiException 404 when missing or the caller is no member, 403 without the
	 * scope
	 */
	public Organization organization(Caller caller, String slug, String scope) {
		Organization organization = this.organizations.findBySlug(slug).orElseThrow(ApiException::notFound);
		caller.requireScope(scope, role(caller, organization.id()));
		return organization;
	}

	/**
	 * The organization by slug, for endpoints that accept any one of several scopes
	 * (Sentry's release endpoints take {@code project:releases} as well as
	 * {@code project:write}).
	 * @throws ApiException 404 when missing or the caller is no member, 403 without any
	 * of the scopes
	 */
	public Organization organization(Caller caller, String slug, Collection<String> anyOfScopes) {
		Organization organization = this.organizations.findBySlug(slug).orElseThrow(ApiException::notFound);
		caller.requireAnyScope(anyOfScopes, role(caller, organization.id()));
		return organization;
	}

	/**
	 * The project by organization and project slug.
	 * @throws ApiException 404 when missing or the caller is no member, 403 without the
	 * scope
	 */
	public OrganizationProject project(Caller caller, String organizationSlug, String projectSlug, String scope) {
		Organization organization = this.organizations.findBySlug(organizationSlug).orElseThrow(ApiException::notFound);
		String role = role(caller, organization.id());
		Project project = this.projects.findBySlug(organization.id(), projectSlug).orElseThrow(ApiException::notFound);
		caller.requireScope(scope, role);
		return new OrganizationProject(organization, project);
	}

	/**
	 * The project by organization and project slug, for endpoints that accept any one of
	 * several scopes (Sentry's debug file endpoints take {@code project:releases} as well
	 * as {@code project:write}).
	 * @throws ApiException 404 when missing or the caller is no member, 403 without any
	 * of the scopes
	 */
	public OrganizationProject project(Caller caller, String organizationSlug, String projectSlug,
			Collection<String> anyOfScopes) {
		Organization organization = this.organizations.findBySlug(organizationSlug).orElseThrow(ApiException::notFound);
		String role = role(caller, organization.id());
		Project project = this.projects.findBySlug(organization.id(), projectSlug).orElseThrow(ApiException::notFound);
		caller.requireAnyScope(anyOfScopes, role);
		return new OrganizationProject(organization, project);
	}

	/**
	 * The project by id, for objects that carry one (issues, events).
	 * @throws ApiException 404 when missing or the caller is no member, 403 without the
	 * scope
	 */
	public OrganizationProject project(Caller caller, long projectId, String scope) {
		Project project = this.projects.findById(projectId).orElseThrow(ApiException::notFound);
		Organization organization = this.organizations.findById(project.organizationId())
			.orElseThrow(ApiException::notFound);
		caller.requireScope(scope, role(caller, organization.id()));
		return new OrganizationProject(organization, project);
	}

	/**
	 * The issue by id, with its project and organization.
	 * @throws ApiException 404 when missing or the caller is no member, 403 without the
	 * scope
	 */
	public ProjectIssue issue(Caller caller, long issueId, String scope) {
		Issue issue = this.issues.findById(issueId).orElseThrow(ApiException::notFound);
		OrganizationProject owner = project(caller, issue.projectId(), scope);
		return new ProjectIssue(owner.organization(), owner.project(), issue);
	}

	/**
	 * The issue a merged-away issue id now belongs to, when the caller may see it.
	 * @return empty when the id was never merged away
	 * @throws ApiException 404 when the caller may not see the parent, 403 without the
	 * scope
	 */
	public Optional<ProjectIssue> mergedInto(Caller caller, long previousIssueId, String scope) {
		Optional<Long> parent = this.issues.redirect(previousIssueId).filter((id) -> id != previousIssueId);
		return parent.map((id) -> issue(caller, id, scope));
	}

	/**
	 * The caller's role in the organization; for an organization token in its own
	 * organization, the least role (its scopes are its own, {@link Caller#scopesIn}).
	 * @throws ApiException 404 when the caller is no member, or is an organization token
	 * of another organization
	 */
	public String role(Caller caller, long organizationId) {
		Long tokenOrganization = caller.tokenOrganizationId();
		if (tokenOrganization != null) {
			if (tokenOrganization != organizationId) {
				throw ApiException.notFound();
			}
			return Scopes.MEMBER_ROLE;
		}
		return this.organizations.findMemberRole(organizationId, caller.user().id())
			.orElseThrow(ApiException::notFound);
	}

	/**
	 * A project with its organization, both visible to the caller.
	 */
	public record OrganizationProject(Organization organization, Project project) {

	}

	/**
	 * An issue with its project and organization, all visible to the caller.
	 */
	public record ProjectIssue(Organization organization, Project project, Issue issue) {

	}

}
