/**
 * A project's performance settings on Sentry's paths: the Apdex threshold of its
 * transactions ({@code transaction-threshold/configure/}) and its performance issue
 * detection settings ({@code performance-issues/configure/}).
 */
@NullMarked
package dev.faultline.api.performance;

import org.jspecify.annotations.NullMarked;
