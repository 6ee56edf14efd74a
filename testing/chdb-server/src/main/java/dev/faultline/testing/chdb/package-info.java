@NullMarked
package dev.faultline.testing.chdb;

import org.jspecify.annotations.NullMarked;
