@NullMarked
package dev.faultline.storage.queue;

import org.jspecify.annotations.NullMarked;
