package dev.faultline.storage.jdbc;

/**
 * The database failed (connection lost, disk full, closed store…). Unchecked because the
 * metadata port declares no checked exceptions; callers treat it as a transient store
 * outage.
 */
public class MetadataAccessException extends RuntimeException {

	public MetadataAccessException(String message, Throwable cause) {
		super(message, cause);
	}

}
