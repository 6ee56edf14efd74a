/**
 * The JSON parsing limits for everything a client sends.
 */
@NullMarked
package dev.faultline.protocol.json;

import org.jspecify.annotations.NullMarked;
