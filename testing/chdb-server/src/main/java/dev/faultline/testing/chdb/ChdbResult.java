package dev.faultline.testing.chdb;

/**
 * What one statement returned: the formatted output and its counters.
 *
 * @param data the output in the requested format (empty for statements without output)
 * @param rowsRead rows in the result
 * @param bytesRead bytes of the result in the engine's internal representation
 * @param rowsWritten rows written (INSERT)
 * @param bytesWritten bytes written (INSERT)
 * @param elapsedNanos execution time
 */
public record ChdbResult(byte[] data, long rowsRead, long bytesRead, long rowsWritten, long bytesWritten,
		long elapsedNanos) {

}
