@NullMarked
package dev.faultline.processor;

import org.jspecify.annotations.NullMarked;
