package dev.faultline.storage.metadata;

/**
 * The newest migration applied to a database's schema.
 *
 * @param version the migration's version (Flyway's {@code V<version>__…})
 * @param description what it did, as its file name says
 */
public record SchemaVersion(String version, String description) {
}
