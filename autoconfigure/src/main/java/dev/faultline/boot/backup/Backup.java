package dev.faultline.boot.backup;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A finished backup: a directory that replaces the data directory's files on restore.
 *
 * @param directory where the copies are
 * @param startedAt when the first copy began
 * @param took how long all copies took
 * @param files each copied file, in the order copied
 */
public record Backup(Path directory, Instant startedAt, Duration took, List<File> files) {

	/**
	 * @param name the file's name, the same as in the data directory
	 * @param bytes its size
	 */
	public record File(String name, long bytes) {
	}

}
