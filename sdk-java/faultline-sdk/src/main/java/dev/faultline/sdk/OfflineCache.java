package dev.faultline.sdk;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded directory of envelopes that could not be sent. Each envelope is one file,
 * written to a temporary name and moved into place, so a crash never leaves a half file
 * that looks complete; names sort oldest first. Beyond the bound the oldest file is
 * deleted and its items counted as {@code cache_overflow}. Used by the sender thread only
 * (and by startup before it runs), so it is not thread-safe.
 */
final class OfflineCache {

	private static final String SUFFIX = ".envelope";

	private final Path directory;

	private final int maxItems;

	private final ClientReports reports;

	private final SdkLog log;

	private final AtomicLong sequence = new AtomicLong();

	OfflineCache(Path directory, int maxItems, ClientReports reports, SdkLog log) {
		this.directory = directory;
		this.maxItems = maxItems;
		this.reports = reports;
		this.log = log;
	}

	/**
	 * Stores an encoded envelope, evicting the oldest beyond the bound.
	 * @return the stored file, or null when it could not be written
	 */
	Path store(byte[] encoded) {
		try {
			Files.createDirectories(this.directory);
			String name = String.format("%016x-%06x-%s", System.currentTimeMillis(),
					this.sequence.incrementAndGet() & 0xFFFFFF, Ids.id16());
			Path temporary = this.directory.resolve(name + ".tmp");
			Path target = this.directory.resolve(name + SUFFIX);
			Files.write(temporary, encoded);
			try {
				Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(temporary, target);
			}
			evictBeyondBound();
			return target;
		}
		catch (IOException ex) {
			this.log.debug("could not write the offline cache: " + ex);
			return null;
		}
	}

	/** The cached files, oldest first. */
	List<Path> files() {
		List<Path> files = new ArrayList<>();
		if (!Files.isDirectory(this.directory)) {
			return files;
		}
		try (DirectoryStream<Path> stream = Files.newDirectoryStream(this.directory, "*" + SUFFIX)) {
			stream.forEach(files::add);
		}
		catch (IOException ex) {
			this.log.debug("could not list the offline cache: " + ex);
		}
		files.sort(null);
		return files;
	}

	/**
	 * Reads a cached envelope; an unreadable file is deleted (it would fail forever).
	 * @return the envelope, or null when the file is gone or unreadable
	 */
	Envelope read(Path file) {
		try {
			return EnvelopeCodec.decode(Files.readAllBytes(file));
		}
		catch (IOException | RuntimeException ex) {
			this.log.debug("dropping unreadable cached envelope " + file.getFileName() + ": " + ex);
			delete(file);
			return null;
		}
	}

	void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			this.log.debug("could not delete " + file.getFileName() + ": " + ex);
		}
	}

	private void evictBeyondBound() {
		List<Path> files = files();
		for (int i = 0; i < files.size() - this.maxItems; i++) {
			Envelope envelope = read(files.get(i));
			if (envelope != null) {
				this.reports.record(DiscardReason.CACHE_OVERFLOW, envelope);
				delete(files.get(i));
			}
		}
	}

}
