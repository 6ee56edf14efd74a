@NullMarked
package dev.faultline.storage.sqlite;

import org.jspecify.annotations.NullMarked;
