/**
 * Serving the web UI: its built assets come from {@code classpath:/static/} (the
 * {@code faultline-web-ui} jar); deep links fall back to {@code index.html}.
 */
@NullMarked
package dev.faultline.api.ui;

import org.jspecify.annotations.NullMarked;
