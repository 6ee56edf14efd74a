@NullMarked
package dev.faultline.storage.metadata;

import org.jspecify.annotations.NullMarked;
