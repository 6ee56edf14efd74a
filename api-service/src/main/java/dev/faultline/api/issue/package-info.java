/**
 * Issues (Sentry's groups) of the Web API: list, detail and status changes.
 */
@NullMarked
package dev.faultline.api.issue;

import org.jspecify.annotations.NullMarked;
