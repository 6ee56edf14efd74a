package dev.faultline.api.web;

/**
 * Sentry's error body.
 *
 * @param detail a human-readable reason
 */
public record ApiError(String detail) {

}
