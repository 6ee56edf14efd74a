package dev.faultline.api.issue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;

import dev.faultline.api.member.People;
import dev.faultline.api.web.ApiException;
import dev.faultline.storage.metadata.Assignee;
import dev.faultline.storage.metadata.StatusChange;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The body of Sentry's issue update ({@code PUT} on an issue or an issue list), read and
 * validated as a whole before anything changes. Fields it does not know (Sentry's clients
 * send {@code substatus}, {@code hasSeen}…) are ignored.
 *
 * @param status the status change, or null to keep the status
 * @param assign whether to change the assignee (to {@code assignee}, null: unassign)
 * @param bookmarked the caller's bookmark, or null to keep it
 * @param subscribed the caller's subscription, or null to keep it
 * @param merge merge the issues (bulk only)
 * @param discard discard the issues (bulk only)
 */
record IssueUpdate(@Nullable StatusChange status, boolean assign, @Nullable Assignee assignee,
		@Nullable Boolean bookmarked, @Nullable Boolean subscribed, boolean merge, boolean discard) {

	private static final Set<String> RESOLVE_DETAILS = Set.of("inRelease", "inNextRelease", "inCommit");

	private static final Set<String> IGNORE_DETAILS = Set.of("ignoreDuration", "ignoreUntil", "ignoreCount",
			"ignoreWindow", "ignoreUserCount", "ignoreUserWindow");

	/**
	 * Whether the update changes nothing.
	 */
	boolean isEmpty() {
		return this.status == null && !this.assign && this.bookmarked == null && this.subscribed == null && !this.merge
				&& !this.discard;
	}

	/**
	 * Reads a body.
	 * @param people the organization's members and teams (assignees)
	 * @param callerUserId who {@code me} is
	 * @throws ApiException 400 naming the first field that is not valid
	 */
	static IssueUpdate parse(@Nullable JsonNode body, People people, long callerUserId, Clock clock) {
		if (body == null || !body.isObject()) {
			throw ApiException.badRequest("Malformed request body");
		}
		StatusChange status = status(body, clock);
		boolean assign = body.has("assignedTo");
		Assignee assignee = assign ? assignee(body.get("assignedTo"), people, callerUserId) : null;
		Boolean bookmarked = bool(body, "isBookmarked");
		Boolean subscribed = bool(body, "isSubscribed");
		boolean merge = Boolean.TRUE.equals(bool(body, "merge"));
		boolean discard = Boolean.TRUE.equals(bool(body, "discard"));
		if (merge && discard) {
			throw ApiException.badRequest("merge: cannot be combined with discard");
		}
		return new IssueUpdate(status, assign, assignee, bookmarked, subscribed, merge, discard);
	}

	private static @Nullable StatusChange status(JsonNode body, Clock clock) {
		JsonNode details = body.get("statusDetails");
		if (details != null && !details.isNull() && !details.isObject()) {
			throw ApiException.badRequest("statusDetails: must be an object");
		}
		boolean hasDetails = details != null && details.isObject() && !details.isEmpty();
		JsonNode statusNode = body.get("status");
		if (statusNode == null || statusNode.isNull()) {
			if (hasDetails) {
				throw ApiException.badRequest("status: required with statusDetails");
			}
			return null;
		}
		if (!statusNode.isString()) {
			throw ApiException.badRequest("status: must be a string");
		}
		String status = statusNode.stringValue();
		switch (status) {
			case "unresolved" -> {
				if (hasDetails) {
					throw ApiException.badRequest("statusDetails: not allowed with status unresolved");
				}
				return new StatusChange.Unresolve();
			}
			case "resolved" -> {
				return hasDetails ? resolve(details) : new StatusChange.Resolve();
			}
			case "resolvedInNextRelease" -> {
				rejectOthers(details, Set.of("inNextRelease"), status);
				return new StatusChange.ResolveInNextRelease();
			}
			case "ignored", "archived", "muted" -> {
				return hasDetails ? ignore(details, clock) : StatusChange.Ignore.FOREVER;
			}
			default -> throw ApiException.badRequest("status: \"" + status + "\" is not a valid choice.");
		}
	}

	private static StatusChange resolve(JsonNode details) {
		rejectOthers(details, RESOLVE_DETAILS, "resolved");
		if (details.has("inCommit")) {
			throw ApiException.badRequest("statusDetails.inCommit: not supported");
		}
		JsonNode inRelease = details.get("inRelease");
		JsonNode inNextRelease = details.get("inNextRelease");
		boolean next = inNextRelease != null && !inNextRelease.isNull();
		if (next && !(inNextRelease.isBoolean())) {
			throw ApiException.badRequest("statusDetails.inNextRelease: must be a boolean");
		}
		if (inRelease != null && !inRelease.isNull()) {
			if (next && inNextRelease.booleanValue()) {
				throw ApiException.badRequest("statusDetails.inRelease: cannot be combined with inNextRelease");
			}
			if (!inRelease.isString() || inRelease.stringValue().isBlank() || inRelease.stringValue().length() > 250) {
				throw ApiException
					.badRequest("statusDetails.inRelease: must be a release version (1 to 250 characters)");
			}
			return new StatusChange.ResolveInRelease(inRelease.stringValue());
		}
		return (next && inNextRelease.booleanValue()) ? new StatusChange.ResolveInNextRelease()
				: new StatusChange.Resolve();
	}

	private static StatusChange ignore(JsonNode details, Clock clock) {
		rejectOthers(details, IGNORE_DETAILS, "ignored");
		Long duration = positive(details, "ignoreDuration", Integer.MAX_VALUE);
		Instant until = null;
		JsonNode untilNode = details.get("ignoreUntil");
		if (untilNode != null && !untilNode.isNull()) {
			if (duration != null) {
				throw ApiException.badRequest("statusDetails.ignoreUntil: cannot be combined with ignoreDuration");
			}
			until = instant(untilNode);
		}
		if (duration != null) {
			until = clock.instant().plus(Duration.ofMinutes(duration));
		}
		Long count = positive(details, "ignoreCount", Long.MAX_VALUE);
		Long window = positive(details, "ignoreWindow", Integer.MAX_VALUE);
		Long userCount = positive(details, "ignoreUserCount", Long.MAX_VALUE);
		Long userWindow = positive(details, "ignoreUserWindow", Integer.MAX_VALUE);
		if (window != null && count == null) {
			throw ApiException.badRequest("statusDetails.ignoreWindow: requires ignoreCount");
		}
		if (userWindow != null && userCount == null) {
			throw ApiException.badRequest("statusDetails.ignoreUserWindow: requires ignoreUserCount");
		}
		return new StatusChange.Ignore(until, count, (window != null) ? window.intValue() : null, userCount,
				(userWindow != null) ? userWindow.intValue() : null);
	}

	private static void rejectOthers(@Nullable JsonNode details, Set<String> allowed, String status) {
		if (details == null || !details.isObject()) {
			return;
		}
		for (String name : details.propertyNames()) {
			boolean known = RESOLVE_DETAILS.contains(name) || IGNORE_DETAILS.contains(name);
			if (known && !allowed.contains(name) && !details.get(name).isNull()) {
				throw ApiException.badRequest("statusDetails." + name + ": not allowed with status " + status);
			}
		}
	}

	private static @Nullable Long positive(JsonNode details, String name, long max) {
		JsonNode node = details.get(name);
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 1 || node.longValue() > max) {
			throw ApiException.badRequest("statusDetails." + name + ": must be a positive integer");
		}
		return node.longValue();
	}

	private static Instant instant(JsonNode node) {
		if (node.isString()) {
			try {
				return OffsetDateTime.parse(node.stringValue()).toInstant();
			}
			catch (DateTimeParseException ex) {
				try {
					return Instant.parse(node.stringValue() + "Z");
				}
				catch (DateTimeParseException again) {
					// reported below
				}
			}
		}
		throw ApiException.badRequest("statusDetails.ignoreUntil: must be an ISO-8601 date and time");
	}

	private static @Nullable Assignee assignee(@Nullable JsonNode node, People people, long callerUserId) {
		if (node == null || node.isNull() || (node.isString() && node.stringValue().isBlank())) {
			return null;
		}
		String text;
		if (node.isString()) {
			text = node.stringValue();
		}
		else if (node.isIntegralNumber()) {
			text = Long.toString(node.longValue());
		}
		else {
			throw ApiException.badRequest("assignedTo: must be a string");
		}
		if (text.trim().toLowerCase(Locale.ROOT).equals("me")) {
			return new Assignee.User(callerUserId);
		}
		return people.assignee(text)
			.orElseThrow(() -> ApiException
				.badRequest("assignedTo: \"" + text + "\" is no member or team of this organization"));
	}

	private static @Nullable Boolean bool(JsonNode body, String name) {
		JsonNode node = body.get(name);
		if (node == null || node.isNull()) {
			return null;
		}
		if (node.isBoolean()) {
			return node.booleanValue();
		}
		if (node.isIntegralNumber() && (node.longValue() == 0 || node.longValue() == 1)) {
			return node.longValue() == 1;
		}
		if (node.isString() && (node.stringValue().equals("true") || node.stringValue().equals("false")
				|| node.stringValue().equals("1") || node.stringValue().equals("0"))) {
			return node.stringValue().equals("true") || node.stringValue().equals("1");
		}
		throw ApiException.badRequest(name + ": must be a boolean");
	}

}
