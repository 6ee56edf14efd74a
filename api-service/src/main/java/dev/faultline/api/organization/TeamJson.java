package dev.faultline.api.organization;

import dev.faultline.api.web.ApiDates;
import dev.faultline.storage.metadata.Team;
import org.jspecify.annotations.Nullable;

/**
 * A team as Sentry's team list and detail render it: whether the caller is on it and with
 * which team role, and how many members it has.
 */
record TeamJson(String id, String slug, String name, String dateCreated, boolean isMember, @Nullable String teamRole,
		boolean hasAccess, boolean isPending, int memberCount, Avatar avatar) {

	static TeamJson of(Team team, @Nullable String callerTeamRole, boolean hasAccess, int memberCount) {
		return new TeamJson(Long.toString(team.id()), team.slug(), team.name(), ApiDates.format(team.dateCreated()),
				callerTeamRole != null, callerTeamRole, hasAccess, false, memberCount, Avatar.LETTER);
	}

	record Avatar(String avatarType, @Nullable String avatarUuid) {

		static final Avatar LETTER = new Avatar("letter_avatar", null);

	}

}
