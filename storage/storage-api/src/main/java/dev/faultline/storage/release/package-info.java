/**
 * Releases of an organization with their projects, deploys, repositories and commits
 * (what sentry-cli's {@code releases}, {@code set-commits} and {@code deploys} commands
 * store): the {@link dev.faultline.storage.release.ReleaseStore} role of the metadata
 * port.
 */
@NullMarked
package dev.faultline.storage.release;

import org.jspecify.annotations.NullMarked;
