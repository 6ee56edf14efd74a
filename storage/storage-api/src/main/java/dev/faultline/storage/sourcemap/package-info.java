/**
 * Artifact bundles (source maps and minified sources that {@code sentry-cli sourcemaps
 * upload} sends through the chunk-upload protocol): the
 * {@link dev.faultline.storage.sourcemap.ArtifactBundleStore} role of the metadata port.
 */
@NullMarked
package dev.faultline.storage.sourcemap;

import org.jspecify.annotations.NullMarked;
