package dev.faultline.ingest.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.faultline.boot.FaultlineProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The embedded shape's disk guard: when the file system of {@code faultline.data-dir} has
 * less than {@code faultline.disk.min-free} left, ingest answers {@code 503} with
 * {@code Retry-After} (SDKs back off and keep the envelope) instead of accepting what it
 * may not be able to store. The queue, the metadata and the event store share that file
 * system; the reserve leaves the processor room to drain the queue (which then shrinks)
 * and the stores room to commit, so an acknowledged envelope is never lost to a full
 * disk. Checked on every ingest request (one {@code statvfs}), so ingest resumes by
 * itself as soon as space is back. Off in the distributed shape, whose queue is Kafka.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class DiskSpaceGuardFilter extends OncePerRequestFilter {

	static final String REASON = "disk_full";

	/** Seconds SDKs are asked to wait. */
	static final int RETRY_AFTER_SECONDS = 60;

	private static final Logger logger = LoggerFactory.getLogger(DiskSpaceGuardFilter.class);

	private final boolean enabled;

	private final Path dataDir;

	private final long minFree;

	private volatile boolean refusing;

	DiskSpaceGuardFilter(FaultlineProperties properties) {
		this.enabled = "embedded".equals(properties.queue().type());
		this.dataDir = properties.dataDir();
		this.minFree = properties.disk().minFree().toBytes();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !this.enabled
				|| !IngestPaths.matches(request.getRequestURI().substring(request.getContextPath().length()))
				|| "OPTIONS".equals(request.getMethod());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (hasRoom()) {
			chain.doFilter(request, response);
			return;
		}
		response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
		response.setHeader(IngestReplies.SENTRY_ERROR_HEADER, REASON);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.getOutputStream().write(("{\"detail\":\"" + REASON + "\"}").getBytes(StandardCharsets.UTF_8));
	}

	private boolean hasRoom() {
		long usable;
		try {
			usable = Files.getFileStore(this.dataDir).getUsableSpace();
		}
		catch (IOException ex) {
			// Not knowing is no reason to refuse: the stores report their own failures.
			return true;
		}
		boolean room = usable >= this.minFree;
		if (room == this.refusing) {
			this.refusing = !room;
			if (room) {
				logger.info("Free disk space is back ({} bytes): ingest accepts envelopes again", usable);
			}
			else {
				logger.warn("Only {} bytes free under {} (faultline.disk.min-free is {}): ingest answers 503", usable,
						this.dataDir, this.minFree);
			}
		}
		return room;
	}

}
