/**
 * Debug information files on Sentry's paths: {@code files/difs/assemble/} joins uploaded
 * chunks into ProGuard/R8 mappings ({@code sentry-cli upload-proguard}), and
 * {@code files/dsyms/} lists, downloads and deletes a project's files.
 */
@NullMarked
package dev.faultline.api.debugfile;

import org.jspecify.annotations.NullMarked;
