/**
 * Client authentication on the Sentry wire: DSNs and the {@code X-Sentry-Auth} header or
 * query parameters.
 */
@NullMarked
package dev.faultline.protocol.auth;

import org.jspecify.annotations.NullMarked;
