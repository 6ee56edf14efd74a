/**
 * Bearer-token and session-cookie authentication of {@code /api/0/**}, sign-in and
 * sign-out, token scopes, and the membership checks that keep every read inside the
 * caller's organizations.
 */
@NullMarked
package dev.faultline.api.auth;

import org.jspecify.annotations.NullMarked;
