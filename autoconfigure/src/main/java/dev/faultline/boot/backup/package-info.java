/**
 * Online backups of the embedded shape's data directory.
 */
@NullMarked
package dev.faultline.boot.backup;

import org.jspecify.annotations.NullMarked;
