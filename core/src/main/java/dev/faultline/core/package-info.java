@NullMarked
package dev.faultline.core;

import org.jspecify.annotations.NullMarked;
