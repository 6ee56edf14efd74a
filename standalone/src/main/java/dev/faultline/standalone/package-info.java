@NullMarked
package dev.faultline.standalone;

import org.jspecify.annotations.NullMarked;
