/**
 * Source maps of the Web API: the chunk-upload protocol ({@code chunk-upload/}
 * capabilities and chunks, {@code artifactbundle/assemble/}) that
 * {@code sentry-cli sourcemaps upload} speaks, and a project's artifact bundles.
 */
@NullMarked
package dev.faultline.api.sourcemap;

import org.jspecify.annotations.NullMarked;
