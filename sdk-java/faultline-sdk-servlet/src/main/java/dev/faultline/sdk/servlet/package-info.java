/**
 * A servlet filter that starts a Faultline transaction per request.
 */
package dev.faultline.sdk.servlet;
