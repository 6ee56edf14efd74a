/**
 * Text matching on client data: {@link dev.faultline.core.text.ClientPatterns}, the one
 * registry of every regular expression that runs on what a client sent (each proven
 * linear-time by a property test), and {@link dev.faultline.core.text.UserPatterns},
 * which compiles patterns a project admin wrote onto the linear-time RE2/J engine.
 */
@NullMarked
package dev.faultline.core.text;

import org.jspecify.annotations.NullMarked;
