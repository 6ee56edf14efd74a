@NullMarked
package dev.faultline.api;

import org.jspecify.annotations.NullMarked;
