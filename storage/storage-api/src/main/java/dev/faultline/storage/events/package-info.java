@NullMarked
package dev.faultline.storage.events;

import org.jspecify.annotations.NullMarked;
