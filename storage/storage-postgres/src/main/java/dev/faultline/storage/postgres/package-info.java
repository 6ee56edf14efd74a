@NullMarked
package dev.faultline.storage.postgres;

import org.jspecify.annotations.NullMarked;
