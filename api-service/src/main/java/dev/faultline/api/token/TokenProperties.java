package dev.faultline.api.token;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Tokens ({@code faultline.tokens.*}).
 *
 * @param url the URL sentry-cli reaches the Web API at, written into organization tokens
 * (sentry-cli prefers it to its own {@code SENTRY_URL}); unset means
 * {@code faultline.public-url}, right wherever one address serves both ingest and the API
 */
@ConfigurationProperties("faultline.tokens")
public record TokenProperties(@Nullable String url) {

}
