package dev.faultline.storage.metadata;

import java.util.List;
import java.util.Optional;

/**
 * Organizations, their teams and their members. Thread-safe.
 */
public interface OrganizationStore {

	/**
	 * @throws DuplicateException when the slug is taken
	 */
	Organization create(String slug, String name);

	Optional<Organization> findById(long id);

	Optional<Organization> findBySlug(String slug);

	/**
	 * Organizations the user is a member of, ordered by slug.
	 */
	List<Organization> listForUser(long userId);

	/**
	 * @throws DuplicateException when the organization already has a team with this slug
	 */
	Team createTeam(long organizationId, String slug, String name);

	/**
	 * Teams of the organization, ordered by slug.
	 */
	List<Team> listTeams(long organizationId);

	Optional<Team> findTeam(long organizationId, String slug);

	/**
	 * Adds the user to the organization with a Sentry role ({@code owner},
	 * {@code manager}, {@code admin}, {@code member}); adding an existing member changes
	 * its role.
	 */
	void addMember(long organizationId, long userId, String role);

	/**
	 * The member's role, or empty when the user is not a member.
	 */
	Optional<String> findMemberRole(long organizationId, long userId);

	/**
	 * The organization's members, by email.
	 */
	List<Member> listMembers(long organizationId);

	/**
	 * Whether no organization exists yet (first start).
	 */
	boolean isEmpty();

}
