/**
 * Online backups of the embedded shape's files.
 */
@NullMarked
package dev.faultline.storage.backup;

import org.jspecify.annotations.NullMarked;
