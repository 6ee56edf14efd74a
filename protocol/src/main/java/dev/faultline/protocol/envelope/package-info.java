@NullMarked
package dev.faultline.protocol.envelope;

import org.jspecify.annotations.NullMarked;
