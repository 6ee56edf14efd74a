/**
 * User-agent parsing: {@link dev.faultline.core.useragent.UserAgentParser} reads a
 * {@code User-Agent} header into browser, OS and device with uap-core's rules, on the
 * linear-time RE2/J engine.
 */
@NullMarked
package dev.faultline.core.useragent;

import org.jspecify.annotations.NullMarked;
