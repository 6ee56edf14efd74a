package dev.faultline.processor.event;

import java.util.List;
import java.util.function.Consumer;

import dev.faultline.core.filter.FilterReason;
import dev.faultline.processor.pipeline.EnvelopeContext;
import dev.faultline.processor.pipeline.ItemProcessor;
import dev.faultline.processor.pipeline.JsonPayloads;
import dev.faultline.processor.pipeline.NormalizationStage;
import dev.faultline.processor.pipeline.PreparedItems;
import dev.faultline.processor.pipeline.ScrubbingStage;
import dev.faultline.protocol.envelope.EnvelopeItem;
import dev.faultline.protocol.event.EventCodec;
import dev.faultline.storage.metadata.Outcome;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code event} kind's pure stages, one class each: decode the payload
 * ({@link JsonPayloads}), normalize the common fields and bound the size
 * ({@link NormalizationStage}), apply the project's inbound filters
 * ({@link InboundFilterStage}: a filtered event ends here), derive browser, OS and device
 * from the user agent ({@link UserAgentStage}), scrub ({@link ScrubbingStage}), resolve
 * obfuscated or minified frames ({@link SymbolicationStage}s, in order), add the tags
 * Sentry derives ({@link DerivedTagsStage}), then group ({@link GroupingStage}); the
 * event then waits for its batch's {@link EventWriter}, which filters duplicates and
 * discarded hashes, assigns the issue and stores it. Settles the envelope's event id for
 * the other items. Thread-safe.
 */
public final class EventProcessor implements ItemProcessor {

	private final JsonPayloads decoding = new JsonPayloads();

	private final NormalizationStage normalization = new NormalizationStage();

	private final InboundFilterStage filtering = new InboundFilterStage();

	private final UserAgentStage userAgents = new UserAgentStage();

	private final ScrubbingStage scrubbing = new ScrubbingStage();

	private final DerivedTagsStage derivedTags = new DerivedTagsStage();

	private final List<SymbolicationStage> symbolication;

	private final GroupingStage grouping;

	private final EventWriter writer;

	private final Consumer<ObjectNode> afterNormalization;

	/**
	 * @param grouping the processor-wide grouping rules
	 * @param writer stores the prepared events of a batch
	 */
	public EventProcessor(GroupingStage grouping, EventWriter writer) {
		this(List.of(), grouping, writer);
	}

	/**
	 * @param symbolication the stages that resolve obfuscated or minified frames, run in
	 * this order before grouping
	 * @param grouping the processor-wide grouping rules
	 * @param writer stores the prepared events of a batch
	 */
	public EventProcessor(List<SymbolicationStage> symbolication, GroupingStage grouping, EventWriter writer) {
		this(symbolication, grouping, writer, (event) -> {
		});
	}

	/**
	 * @param afterNormalization runs on every normalized event: a test hook (a stage made
	 * artificially slow), a no-op otherwise
	 */
	public EventProcessor(GroupingStage grouping, EventWriter writer, Consumer<ObjectNode> afterNormalization) {
		this(List.of(), grouping, writer, afterNormalization);
	}

	private EventProcessor(List<SymbolicationStage> symbolication, GroupingStage grouping, EventWriter writer,
			Consumer<ObjectNode> afterNormalization) {
		this.symbolication = List.copyOf(symbolication);
		this.grouping = grouping;
		this.writer = writer;
		this.afterNormalization = afterNormalization;
	}

	@Override
	public void prepare(EnvelopeContext envelope, EnvelopeItem item, int index, PreparedItems out) {
		ObjectNode event = normalize(envelope, item);
		FilterReason filtered = this.filtering.check(event, envelope);
		if (filtered != null) {
			out.drop(envelope, item, Outcome.FILTERED, filtered.code());
			return;
		}
		out.store(this.writer, finish(envelope, item, event));
	}

	/**
	 * The pure stages for one event item, or null when an inbound filter drops it.
	 * @throws RuntimeException for an item that cannot be processed
	 */
	public @Nullable PreparedEvent prepare(EnvelopeContext envelope, EnvelopeItem item) {
		ObjectNode event = normalize(envelope, item);
		return (this.filtering.check(event, envelope) != null) ? null : finish(envelope, item, event);
	}

	private ObjectNode normalize(EnvelopeContext envelope, EnvelopeItem item) {
		ObjectNode raw = this.decoding.parse(item);
		ObjectNode event = this.normalization.normalize(raw, envelope);
		envelope.eventId(event.path("event_id").asString(""));
		this.afterNormalization.accept(event);
		return event;
	}

	private PreparedEvent finish(EnvelopeContext envelope, EnvelopeItem item, ObjectNode event) {
		this.userAgents.enrich(event);
		this.scrubbing.scrub(event, envelope);
		for (SymbolicationStage stage : this.symbolication) {
			stage.symbolicate(event, envelope);
		}
		// From here on the event is read through the typed model; the tree was for the
		// stages that must see every field (trimming, scrubbing).
		GroupingStage.Grouped grouped = this.grouping.group(this.derivedTags.derive(EventCodec.decode(event)),
				envelope.project());
		return new PreparedEvent(envelope.projectId(), envelope.position(), envelope.queued().receivedAt(),
				grouped.event(), grouped.result(), item);
	}

}
