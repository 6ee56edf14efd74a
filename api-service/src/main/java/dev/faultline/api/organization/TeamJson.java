package dev.faultline.api.organization;

import dev.faultline.api.web.ApiDates;
import dev.faultline.storage.metadata.Team;

/**
 * A team as Sentry's team list renders it. Team membership is not modelled yet: an
 * organization member is treated as a member of every team, as in Sentry's open
 * membership default.
 */
record TeamJson(String id, String slug, String name, String dateCreated, boolean isMember, boolean hasAccess,
		boolean isPending) {

	static TeamJson of(Team team) {
		return new TeamJson(Long.toString(team.id()), team.slug(), team.name(), ApiDates.format(team.dateCreated()),
				true, true, false);
	}

}
