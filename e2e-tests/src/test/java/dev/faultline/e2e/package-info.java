/**
 * End-to-end acceptance tests: the official Sentry SDKs against Faultline in both shapes.
 */
@NullMarked
package dev.faultline.e2e;

import org.jspecify.annotations.NullMarked;
