package dev.faultline.alerts;

import java.util.Locale;
import java.util.Objects;

import dev.faultline.storage.events.StoredEvent;
import dev.faultline.storage.metadata.Issue;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.Project;

/**
 * What a notification about an issue alert says: the issue, the event that fired the
 * rule, where they live and the rule's name.
 *
 * @param baseUrl the public URL of the web UI, without a trailing slash
 */
public record IssueAlertContext(Organization organization, Project project, Issue issue, StoredEvent event,
		String ruleName, String baseUrl) {

	public IssueAlertContext {
		Objects.requireNonNull(organization, "organization");
		Objects.requireNonNull(project, "project");
		Objects.requireNonNull(issue, "issue");
		Objects.requireNonNull(event, "event");
		Objects.requireNonNull(ruleName, "ruleName");
		baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/** The issue's page. */
	public String issueUrl() {
		return this.baseUrl + "/issues/" + this.issue.id() + "/";
	}

	/** The event's page. */
	public String eventUrl() {
		return this.baseUrl + "/issues/" + this.issue.id() + "/events/" + this.event.eventId() + "/";
	}

	/** Sentry's short id ({@code SHOP-1A}). */
	public String shortId() {
		return this.project.slug().toUpperCase(Locale.ROOT) + "-"
				+ Long.toString(this.issue.shortNumber(), 36).toUpperCase(Locale.ROOT);
	}

}
