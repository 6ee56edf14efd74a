package dev.faultline.api.member;

import java.util.List;

import dev.faultline.api.auth.Access;
import dev.faultline.api.auth.Caller;
import dev.faultline.storage.metadata.Organization;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * An organization's members (the assignee picker), by email.
 */
@RestController
class MemberController {

	private static final String MEMBER_READ = "member:read";

	private final Access access;

	private final Directory directory;

	MemberController(Access access, Directory directory) {
		this.access = access;
		this.directory = directory;
	}

	@GetMapping("/api/0/organizations/{organizationSlug}/members/")
	List<MemberJson> list(Caller caller, @PathVariable String organizationSlug) {
		Organization organization = this.access.organization(caller, organizationSlug, MEMBER_READ);
		return this.directory.of(organization.id())
			.members()
			.stream()
			.map((member) -> new MemberJson(Long.toString(member.user().id()), member.user().email(),
					member.user().name(), member.role(), UserJson.of(member.user())))
			.toList();
	}

	/**
	 * Sentry's member; {@code id} is the user's id (memberships have none of their own).
	 */
	record MemberJson(String id, String email, String name, String role, UserJson user) {

	}

}
