package dev.faultline.storage.debugfile;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A project's debug information files, by checksum and by debug id: what the
 * {@code difs/assemble/} endpoint stores and the processor's retracing reads.
 *
 * <p>
 * Bytes live in the metadata database, as the artifact bundles' do (SQLite {@code BLOB},
 * PostgreSQL {@code BYTEA}): one implementation serves both shapes and every replica of
 * the distributed one. Every method is one transaction; thread-safe. A project sees only
 * its own files.
 */
public interface DebugFileStore {

	/**
	 * Stores a project's file and drops the organization's upload chunks it was joined
	 * from; a file of the same checksum already stored for the project is returned as it
	 * is.
	 * @param chunks the sha1s of the chunks to drop
	 */
	DebugFile save(long organizationId, long projectId, NewDebugFile file, List<String> chunks);

	/**
	 * The project's file of that id.
	 */
	Optional<DebugFile> find(long projectId, long fileId);

	/**
	 * The project's file of that checksum.
	 */
	Optional<DebugFile> findByChecksum(long projectId, String checksum);

	/**
	 * The project's newest file of that debug id and type.
	 */
	Optional<DebugFile> findByDebugId(long projectId, String debugId, String symbolType);

	/**
	 * The bytes of a file.
	 */
	Optional<byte[]> data(long fileId);

	/**
	 * The project's files, newest first.
	 * @param query when given, only files whose debug id, checksum or object name starts
	 * with it (case-insensitive)
	 * @param offset how many to skip
	 * @param limit how many at most
	 */
	List<DebugFile> list(long projectId, @Nullable String query, int offset, int limit);

	/**
	 * Deletes the project's file of that id; false when it has none.
	 */
	boolean delete(long projectId, long fileId);

}
