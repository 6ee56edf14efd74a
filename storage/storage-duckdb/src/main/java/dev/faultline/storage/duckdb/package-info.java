@NullMarked
package dev.faultline.storage.duckdb;

import org.jspecify.annotations.NullMarked;
