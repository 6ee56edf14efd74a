@NullMarked
package dev.faultline.storage.clickhouse;

import org.jspecify.annotations.NullMarked;
