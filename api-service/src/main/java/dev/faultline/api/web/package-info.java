/**
 * HTTP plumbing shared by the Web API's features: the error body, the one mapping of
 * exceptions to statuses, dates and Sentry's cursor pagination.
 */
@NullMarked
package dev.faultline.api.web;

import org.jspecify.annotations.NullMarked;
