package dev.faultline.api.release;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import dev.faultline.api.web.ApiException;
import dev.faultline.storage.metadata.Project;
import dev.faultline.storage.metadata.ProjectStore;
import dev.faultline.storage.release.FileChange;
import dev.faultline.storage.release.NewCommit;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads the fields of release, deploy and repository request bodies. Every malformed
 * field is a 400 naming the field, never a 500.
 */
final class ReleaseBodies {

	static final int MAX_VERSION = 200;

	static final int MAX_TEXT = 8192;

	static final int MAX_COMMITS = 10_000;

	private ReleaseBodies() {
	}

	static JsonNode object(@Nullable JsonNode body) {
		if (body == null || !body.isObject()) {
			throw ApiException.badRequest("Malformed request body: a JSON object is expected");
		}
		return body;
	}

	/**
	 * Sentry's rule for versions: not empty, at most 200 characters, no slash, line break
	 * or tab, and none of {@code .}, {@code ..}, {@code latest}.
	 */
	static String version(String version) {
		if (version.isBlank() || version.length() > MAX_VERSION || version.equals(".") || version.equals("..")
				|| version.equals("latest")) {
			throw ApiException.badRequest("version: Release with name " + quoted(version) + " is not allowed");
		}
		for (int i = 0; i < version.length(); i++) {
			char c = version.charAt(i);
			if (c == '/' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0x0b) {
				throw ApiException.badRequest("version: a release version may not contain '/', tabs or line breaks");
			}
		}
		return version;
	}

	static @Nullable String text(JsonNode body, String field) {
		JsonNode node = body.get(field);
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isString()) {
			throw ApiException.badRequest(field + ": must be a string");
		}
		String value = node.stringValue();
		if (value.length() > MAX_TEXT) {
			throw ApiException.badRequest(field + ": at most " + MAX_TEXT + " characters");
		}
		return value;
	}

	static String requiredText(JsonNode body, String field) {
		String value = text(body, field);
		if (value == null || value.isBlank()) {
			throw ApiException.badRequest(field + ": This field is required.");
		}
		return value;
	}

	/** ISO-8601 with an offset ({@code Z} or {@code +02:00}). */
	static @Nullable Instant date(JsonNode body, String field) {
		String value = text(body, field);
		if (value == null || value.isEmpty()) {
			return null;
		}
		return parseDate(value, field);
	}

	static Instant parseDate(String value, String field) {
		try {
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw ApiException.badRequest(field + ": not an ISO-8601 date with an offset: " + quoted(value));
		}
	}

	/**
	 * The organization's projects a body names by slug (or id) in {@code projects}.
	 * @param required whether the list must be there and not empty
	 */
	static List<Long> projects(JsonNode body, long organizationId, ProjectStore projects, boolean required) {
		JsonNode node = body.get("projects");
		if (node == null || node.isNull()) {
			if (required) {
				throw ApiException.badRequest("projects: This field is required.");
			}
			return List.of();
		}
		if (!node.isArray() || (required && node.isEmpty())) {
			throw ApiException.badRequest("projects: a non-empty list of project slugs is expected");
		}
		List<Long> ids = new ArrayList<>();
		for (JsonNode item : node) {
			Project project = null;
			if (item.isString()) {
				project = projects.findBySlug(organizationId, item.stringValue()).orElse(null);
			}
			else if (item.isIntegralNumber()) {
				project = projects.findById(item.longValue())
					.filter((candidate) -> candidate.organizationId() == organizationId)
					.orElse(null);
			}
			if (project == null) {
				throw ApiException.badRequest("projects: Invalid project ids or slugs: " + item);
			}
			ids.add(project.id());
		}
		return ids;
	}

	/**
	 * Sentry's {@code refs}: {@code [{repository, commit, previousCommit?}]} (and the
	 * older {@code headCommits}: {@code [{repository, currentId, previousId?}]}) as head
	 * commits, one per repository. Faultline has no repository integration to list the
	 * commits between {@code previousCommit} and {@code commit}, so the head commit is
	 * what the release records.
	 * @return null when the body has neither
	 */
	static @Nullable List<NewCommit> refs(JsonNode body) {
		String field = body.has("refs") ? "refs" : "headCommits";
		String commitKey = field.equals("refs") ? "commit" : "currentId";
		JsonNode node = body.get(field);
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isArray()) {
			throw ApiException.badRequest(field + ": a list is expected");
		}
		List<NewCommit> commits = new ArrayList<>();
		for (JsonNode ref : node) {
			JsonNode item = object(ref);
			commits.add(new NewCommit(requiredText(item, "repository"), requiredText(item, commitKey), null, null, null,
					null, List.of()));
		}
		return commits;
	}

	/**
	 * Sentry's inline {@code commits}: {@code [{id, repository?, message?, author_name?,
	 * author_email?, timestamp?, patch_set?: [{path, type}]}]} (what
	 * {@code sentry-cli releases set-commits --local} sends), newest first.
	 * @return null when the body has none
	 */
	static @Nullable List<NewCommit> commits(JsonNode body) {
		JsonNode node = body.get("commits");
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isArray()) {
			throw ApiException.badRequest("commits: a list is expected");
		}
		if (node.size() > MAX_COMMITS) {
			throw ApiException.badRequest("commits: at most " + MAX_COMMITS + " commits");
		}
		List<NewCommit> commits = new ArrayList<>();
		for (JsonNode commit : node) {
			JsonNode item = object(commit);
			String repository = text(item, "repository");
			List<FileChange> files = new ArrayList<>();
			JsonNode patchSet = item.get("patch_set");
			if (patchSet != null && !patchSet.isNull()) {
				if (!patchSet.isArray()) {
					throw ApiException.badRequest("commits: patch_set must be a list");
				}
				for (JsonNode patch : patchSet) {
					JsonNode file = object(patch);
					String type = requiredText(file, "type");
					if (!type.equals("A") && !type.equals("M") && !type.equals("D")) {
						throw ApiException.badRequest("commits: patch_set type must be A, M or D: " + quoted(type));
					}
					files.add(new FileChange(requiredText(file, "path"), type));
				}
			}
			commits.add(new NewCommit((repository != null && !repository.isBlank()) ? repository : "unknown",
					requiredText(item, "id"), text(item, "message"), text(item, "author_name"),
					text(item, "author_email"), date(item, "timestamp"), files));
		}
		return commits;
	}

	static String quoted(String value) {
		String shown = (value.length() > 100) ? value.substring(0, 100) + "…" : value;
		return "\"" + shown + "\"";
	}

}
