/**
 * The {@code client_report} kind: the discards an SDK reports become
 * {@code client_discard} outcomes.
 */
@NullMarked
package dev.faultline.processor.clientreport;

import org.jspecify.annotations.NullMarked;
