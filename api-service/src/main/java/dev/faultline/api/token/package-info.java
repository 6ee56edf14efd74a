/**
 * API tokens of the Web API: users' personal tokens ({@code /api/0/api-tokens/}) and
 * organizations' tokens for CI ({@code /api/0/organizations/{org}/org-auth-tokens/}, the
 * {@code sntrys_} tokens sentry-cli reads its organization and URL from). A token is
 * shown once, when created; only its SHA-256 is kept.
 */
@NullMarked
package dev.faultline.api.token;

import org.jspecify.annotations.NullMarked;
