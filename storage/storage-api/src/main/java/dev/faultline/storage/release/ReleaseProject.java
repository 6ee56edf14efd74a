package dev.faultline.storage.release;

/**
 * A project of a release.
 *
 * @param newGroups the project's issues whose first counted event carried the release
 * (Sentry's {@code newGroups})
 */
public record ReleaseProject(long projectId, int newGroups) {

}
