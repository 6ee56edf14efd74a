@NullMarked
package dev.faultline.queue.kafka;

import org.jspecify.annotations.NullMarked;
