package dev.faultline.api.member;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

import dev.faultline.storage.metadata.Assignee;
import dev.faultline.storage.metadata.Member;
import dev.faultline.storage.metadata.Team;
import dev.faultline.storage.metadata.User;
import org.jspecify.annotations.Nullable;

/**
 * The users and teams of one organization, read once per request so that a page of issues
 * renders its actors and assignees without a query per row. Not thread-safe; one instance
 * per request.
 */
public final class People {

	private final Map<Long, Member> members = new LinkedHashMap<>();

	private final Map<Long, Team> teams = new LinkedHashMap<>();

	private final LongFunction<Optional<User>> others;

	private final Map<Long, Optional<User>> looked = new HashMap<>();

	/**
	 * @param others looks up a user who is no member (any more), e.g. the author of an
	 * old comment
	 */
	public People(List<Member> members, List<Team> teams, LongFunction<Optional<User>> others) {
		members.forEach((member) -> this.members.put(member.user().id(), member));
		teams.forEach((team) -> this.teams.put(team.id(), team));
		this.others = others;
	}

	public List<Member> members() {
		return List.copyOf(this.members.values());
	}

	/** Whether the user is a member of the organization. */
	public boolean isMember(long userId) {
		return this.members.containsKey(userId);
	}

	/** A member by email, ignoring case. */
	public Optional<User> memberByEmail(String email) {
		return this.members.values()
			.stream()
			.map(Member::user)
			.filter((user) -> user.email().equalsIgnoreCase(email))
			.findFirst();
	}

	/** A team of the organization by slug ({@code #} prefix allowed). */
	public Optional<Team> teamBySlug(String slug) {
		String bare = slug.startsWith("#") ? slug.substring(1) : slug;
		return this.teams.values().stream().filter((team) -> team.slug().equalsIgnoreCase(bare)).findFirst();
	}

	/**
	 * The assignee written as Sentry's clients write one: {@code user:3}, {@code team:2},
	 * {@code #team-slug}, a member's email, or a bare user id. Empty when it names no
	 * member or team of this organization (or is malformed).
	 */
	public Optional<Assignee> assignee(String text) {
		String value = text.trim();
		String lower = value.toLowerCase(Locale.ROOT);
		if (lower.startsWith("team:")) {
			return id(value.substring(5)).filter(this.teams::containsKey).map(Assignee.Team::new);
		}
		if (lower.startsWith("user:")) {
			return id(value.substring(5)).filter(this::isMember).map(Assignee.User::new);
		}
		if (value.startsWith("#")) {
			return teamBySlug(value).map((team) -> new Assignee.Team(team.id()));
		}
		if (value.contains("@")) {
			return memberByEmail(value).map((user) -> new Assignee.User(user.id()));
		}
		return id(value).filter(this::isMember).map(Assignee.User::new);
	}

	/** The user, member or not; null for a null id or a user that no longer exists. */
	public @Nullable UserJson user(@Nullable Long userId) {
		if (userId == null) {
			return null;
		}
		Member member = this.members.get(userId);
		if (member != null) {
			return UserJson.of(member.user());
		}
		return this.looked.computeIfAbsent(userId, this.others::apply).map(UserJson::of).orElse(null);
	}

	/**
	 * Sentry's {@code assignedTo}: {@code {"type": "user", "id", "name", "email"}} or
	 * {@code {"type": "team", "id", "name": slug}}; null when unassigned.
	 */
	public @Nullable Map<String, Object> assignedTo(@Nullable Assignee assignee) {
		if (assignee == null) {
			return null;
		}
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("type", (assignee instanceof Assignee.Team) ? "team" : "user");
		json.put("id", Long.toString(assignee.id()));
		if (assignee instanceof Assignee.Team) {
			Team team = this.teams.get(assignee.id());
			json.put("name", (team != null) ? team.slug() : "");
		}
		else {
			UserJson user = user(assignee.id());
			json.put("name", (user != null) ? user.name() : "");
			json.put("email", (user != null) ? user.email() : "");
		}
		return json;
	}

	private static Optional<Long> id(String text) {
		try {
			return Optional.of(Long.parseLong(text.trim()));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

}
