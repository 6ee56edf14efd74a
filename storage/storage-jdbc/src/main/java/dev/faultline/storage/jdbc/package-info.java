@NullMarked
package dev.faultline.storage.jdbc;

import org.jspecify.annotations.NullMarked;
