/**
 * Releases of the Web API as sentry-cli and Sentry's clients use them: organization and
 * project release lists, create (idempotent by version), detail, update (refs, commits,
 * finalize), delete; deploys; repositories and release commits.
 */
@NullMarked
package dev.faultline.api.release;

import org.jspecify.annotations.NullMarked;
