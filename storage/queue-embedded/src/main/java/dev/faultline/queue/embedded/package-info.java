@NullMarked
package dev.faultline.queue.embedded;

import org.jspecify.annotations.NullMarked;
