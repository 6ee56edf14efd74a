@NullMarked
package dev.faultline.ingest;

import org.jspecify.annotations.NullMarked;
