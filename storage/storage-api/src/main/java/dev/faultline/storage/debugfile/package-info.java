/**
 * Debug information files (ProGuard/R8 mappings that {@code sentry-cli upload-proguard}
 * sends through the chunk-upload protocol): the
 * {@link dev.faultline.storage.debugfile.DebugFileStore} role of the metadata port.
 */
@NullMarked
package dev.faultline.storage.debugfile;

import org.jspecify.annotations.NullMarked;
