package dev.faultline.api.deadletter;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import dev.faultline.api.auth.Caller;
import dev.faultline.api.auth.InstanceAdmin;
import dev.faultline.api.web.ApiDates;
import dev.faultline.api.web.ApiException;
import dev.faultline.boot.DeadLetterSeal;
import dev.faultline.storage.metadata.DeadLetter;
import dev.faultline.storage.metadata.DeadLetterStore;
import dev.faultline.storage.queue.EnvelopeQueue;
import dev.faultline.storage.queue.QueuedEnvelope;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The processor's dead letters, for the instance administrator only (the user of
 * {@code faultline.admin.email}; a token also needs {@code org:admin}): letters span
 * every organization and hold raw payloads, so no organization role is enough.
 * <ul>
 * <li>{@code GET /api/0/internal/dead-letters/?offset&limit}: newest first, without
 * payloads, with the total in {@code X-Hits};</li>
 * <li>{@code GET …/{id}/}: one letter with its payload (UTF-8 text, or base64 when it is
 * not text);</li>
 * <li>{@code POST …/{id}/replay/}: queues the payload again (an item inside an envelope
 * of its own, an unreadable envelope as it was) and removes the letter;</li>
 * <li>{@code DELETE …/{id}/} and {@code DELETE /api/0/internal/dead-letters/}: purge one
 * or all.</li>
 * </ul>
 */
@RestController
class DeadLetterController {

	private static final Logger logger = LoggerFactory.getLogger(DeadLetterController.class);

	private static final String BASE = "/api/0/internal/dead-letters/";

	private final DeadLetterStore letters;

	private final DeadLetterSeal seal;

	private final EnvelopeQueue queue;

	private final InstanceAdmin instanceAdmin;

	DeadLetterController(DeadLetterStore letters, DeadLetterSeal seal, EnvelopeQueue queue,
			InstanceAdmin instanceAdmin) {
		this.letters = letters;
		this.seal = seal;
		this.queue = queue;
		this.instanceAdmin = instanceAdmin;
	}

	@GetMapping(BASE)
	ResponseEntity<List<LetterJson>> list(Caller caller, @RequestParam(defaultValue = "0") int offset,
			@RequestParam(defaultValue = "100") int limit) {
		requireInstanceAdmin(caller);
		if (offset < 0 || limit < 1 || limit > 100) {
			throw ApiException.badRequest("offset must be >= 0 and limit between 1 and 100");
		}
		List<LetterJson> page = this.letters.list(offset, limit)
			.stream()
			.map((letter) -> LetterJson.of(letter, null))
			.toList();
		return ResponseEntity.ok().header("X-Hits", Long.toString(this.letters.count())).body(page);
	}

	@GetMapping(BASE + "{id}/")
	LetterJson inspect(Caller caller, @PathVariable long id) {
		requireInstanceAdmin(caller);
		DeadLetter letter = find(id);
		return LetterJson.of(letter, Payload.of(open(letter)));
	}

	@PostMapping(BASE + "{id}/replay/")
	ResponseEntity<Map<String, String>> replay(Caller caller, @PathVariable long id) {
		requireInstanceAdmin(caller);
		DeadLetter letter = find(id);
		byte[] envelope = envelopeOf(letter, open(letter));
		// Queued first: a crash between the two leaves the letter to be replayed again
		// (the processor drops a duplicate event id), never a lost item.
		this.queue.publish(new QueuedEnvelope(letter.projectId(), "", letter.receivedAt(), null, null, envelope));
		this.letters.delete(id);
		logger.info("Dead letter {} (project {}, {}) replayed by user {}", id, letter.projectId(), letter.reason(),
				caller.user().id());
		return ResponseEntity.accepted().body(Map.of("id", Long.toString(id)));
	}

	@DeleteMapping(BASE + "{id}/")
	ResponseEntity<Void> purge(Caller caller, @PathVariable long id) {
		requireInstanceAdmin(caller);
		if (!this.letters.delete(id)) {
			throw ApiException.notFound();
		}
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping(BASE)
	ResponseEntity<Map<String, Long>> purgeAll(Caller caller) {
		requireInstanceAdmin(caller);
		long deleted = this.letters.deleteParkedBefore(Instant.MAX);
		logger.info("{} dead letters purged by user {}", deleted, caller.user().id());
		return ResponseEntity.ok(Map.of("deleted", deleted));
	}

	private void requireInstanceAdmin(Caller caller) {
		this.instanceAdmin.require(caller);
	}

	private DeadLetter find(long id) {
		return this.letters.find(id).orElseThrow(ApiException::notFound);
	}

	private byte[] open(DeadLetter letter) {
		try {
			return this.seal.open(letter.payload());
		}
		catch (IllegalStateException ex) {
			throw new ApiException(HttpStatus.CONFLICT,
					"The payload was sealed with another faultline.dead-letters.key and cannot be opened here.");
		}
	}

	/**
	 * A whole envelope was parked as it was; a single item is wrapped in an envelope of
	 * its own with an explicit length.
	 */
	static byte[] envelopeOf(DeadLetter letter, byte[] payload) {
		if (letter.itemIndex() < 0) {
			return payload;
		}
		byte[] head = ("{}\n{\"type\":\"" + letter.itemType().replace("\\", "\\\\").replace("\"", "\\\"")
				+ "\",\"length\":" + payload.length + "}\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] envelope = new byte[head.length + payload.length + 1];
		System.arraycopy(head, 0, envelope, 0, head.length);
		System.arraycopy(payload, 0, envelope, head.length, payload.length);
		envelope[envelope.length - 1] = '\n';
		return envelope;
	}

	/**
	 * @param encoding {@code utf-8} or {@code base64}
	 */
	record Payload(String encoding, String data) {

		static Payload of(byte[] bytes) {
			try {
				return new Payload("utf-8",
						StandardCharsets.UTF_8.newDecoder()
							.onMalformedInput(CodingErrorAction.REPORT)
							.onUnmappableCharacter(CodingErrorAction.REPORT)
							.decode(ByteBuffer.wrap(bytes))
							.toString());
			}
			catch (CharacterCodingException ex) {
				return new Payload("base64", Base64.getEncoder().encodeToString(bytes));
			}
		}

	}

	record LetterJson(String id, String projectId, String queuePosition, int itemIndex, String itemType, String reason,
			String detail, String dateReceived, String dateParked, @Nullable Payload payload) {

		static LetterJson of(DeadLetter letter, @Nullable Payload payload) {
			return new LetterJson(Long.toString(letter.id()), Long.toString(letter.projectId()), letter.queuePosition(),
					letter.itemIndex(), letter.itemType(), letter.reason(), letter.detail(),
					ApiDates.format(letter.receivedAt()), ApiDates.format(letter.parkedAt()), payload);
		}

	}

}
