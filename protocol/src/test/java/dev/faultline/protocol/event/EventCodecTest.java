package dev.faultline.protocol.event;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EventCodecTest {

	private static final ObjectMapper MAPPER = JsonMapper.builder().build();

	private static ObjectNode json(String text) {
		return (ObjectNode) MAPPER.readTree(text);
	}

	@Test
	void legacyInterfaceNamesAreReadAsTheirModernFields() {
		ObjectNode raw = json(
				"""
						{"message": "Can't find variable: doSomething",
						 "sentry.interfaces.Exception": {"values": [{"type": "ReferenceError", "value": "doSomething is not defined",
						   "sentry.interfaces.Stacktrace": {"frames": [{"filename": "app.js", "function": "run", "lineno": 3}]}}]},
						 "sentry.interfaces.Message": {"message": "Failed %s", "params": ["x"]},
						 "sentry.interfaces.Stacktrace": {"frames": [{"filename": "top.js"}]},
						 "sentry.interfaces.Http": {"url": "http://example.com/", "query": "a=1", "headers": {"User-Agent": "UA"}},
						 "sentry.interfaces.User": {"id": 42, "email": "a@example.com"},
						 "sentry.interfaces.Breadcrumbs": {"values": [{"message": "clicked"}]},
						 "sentry.interfaces.Template": {"filename": "page.html", "lineno": 7},
						 "sentry.interfaces.Contexts": {"os": {"name": "Linux"}},
						 "sentry.interfaces.DebugMeta": {"images": [{"type": "proguard"}]},
						 "sentry.interfaces.Csp": {"blocked_uri": "http://evil.example"}}
						""");

		Event event = EventCodec.decode(raw);

		assertThat(event.exceptions()).singleElement().satisfies((exception) -> {
			assertThat(exception.type()).isEqualTo("ReferenceError");
			assertThat(exception.frames()).extracting(Frame::function).containsExactly("run");
		});
		assertThat(event.message().formatted()).isEqualTo("Can't find variable: doSomething");
		assertThat(event.logentry().message()).isEqualTo("Failed %s");
		assertThat(event.stacktrace().frameList()).extracting(Frame::filename).containsExactly("top.js");
		assertThat(event.request().url()).isEqualTo("http://example.com/");
		assertThat(event.request().queryString().asString()).isEqualTo("a=1");
		assertThat(event.request().header("user-agent")).isEqualTo("UA");
		assertThat(event.user().id()).isEqualTo("42");
		assertThat(event.breadcrumbList()).extracting(Breadcrumb::message).containsExactly("clicked");
		assertThat(event.template().lineno()).isEqualTo(7);
		assertThat(event.contexts().os().name()).isEqualTo("Linux");
		assertThat(event.debugMeta().images()).hasSize(1);
		assertThat(event.other()).containsOnlyKeys("csp");
		ObjectNode encoded = EventCodec.toTree(event);
		assertThat(encoded.propertyNames()).containsExactlyInAnyOrder("message", "logentry", "exception", "stacktrace",
				"template", "breadcrumbs", "request", "user", "contexts", "debug_meta", "csp");
		assertThat(encoded.at("/exception/values/0/stacktrace/frames/0/function").asString()).isEqualTo("run");
		assertThat(encoded.at("/request/query_string").asString()).isEqualTo("a=1");
	}

	@Test
	void aModernNameWinsOverItsLegacyAliasWhichIsKept() {
		Event event = EventCodec.decode(json("""
				{"user": {"id": "modern"}, "sentry.interfaces.User": {"id": "legacy"}}
				"""));

		assertThat(event.user().id()).isEqualTo("modern");
		assertThat(event.other()).containsOnlyKeys("sentry.interfaces.User");
		assertThat(EventCodec.toTree(event).at("/sentry.interfaces.User/id").asString()).isEqualTo("legacy");
	}

	@Test
	void unknownPropertiesAreKeptVerbatimAtEveryLevel() {
		ObjectNode raw = json(
				"""
						{"x_top": {"deep": [1, 2.5, null]},
						 "exception": {"exc_omitted": [1, 2], "values": [{"type": "E", "x_exc": true,
						   "mechanism": {"type": "generic", "handled": false, "meta": {"errno": {"number": 2}}},
						   "stacktrace": {"registers": {"rip": "0x1"}, "frames": [{"function": "f", "x_frame": 1, "vars": {"a": [1]},
						     "pre_context": ["a"], "in_app": true, "lineno": 5, "data": {"sourcemap": "x"}}]}}]},
						 "threads": [{"id": 1, "crashed": true, "held_locks": {}}],
						 "contexts": {"os": {"name": "Linux", "x_os": 1}, "gpu": {"name": "X"}, "trace": {"trace_id": "t", "data": {}}},
						 "request": {"headers": [["A", "1"], ["A", "2"]], "cookies": "a=b", "data": {"k": "v"}, "x_req": 1},
						 "user": {"id": "u", "segment": "paid", "geo": {"city": "Berlin"}},
						 "breadcrumbs": {"values": [{"timestamp": 1764028700.5, "data": {"url": "/"}, "x_crumb": 1}]},
						 "tags": [["a", "1"], ["b", null]], "modules": {"m": "1.0"}, "extra": {"e": {"f": 1}},
						 "sdk": {"name": "s", "packages": [{"name": "p"}], "features": ["x"]},
						 "fingerprint": ["{{ default }}", "x"], "_meta": {"request": {"": {"rem": []}}}}
						""");

		Event event = EventCodec.decode(raw);

		assertThat(EventCodec.toTree(event)).isEqualTo(raw);
		assertThat(event.other()).containsOnlyKeys("x_top");
		SentryException exception = event.exceptions().get(0);
		assertThat(exception.other()).containsOnlyKeys("x_exc");
		assertThat(exception.mechanism().handled()).isFalse();
		assertThat(exception.mechanism().other()).containsOnlyKeys("meta");
		assertThat(exception.stacktrace().other()).containsOnlyKeys("registers");
		assertThat(exception.frames().get(0).other()).containsOnlyKeys("x_frame", "data");
		assertThat(exception.frames().get(0).isInApp()).isTrue();
		assertThat(event.exception().other()).containsOnlyKeys("exc_omitted");
		assertThat(event.threadList().get(0).isCrashed()).isTrue();
		assertThat(event.contexts().other()).containsOnlyKeys("gpu");
		assertThat(event.contexts().trace().traceId()).isEqualTo("t");
		assertThat(event.request().headers().pairs()).hasSize(2);
		assertThat(event.user().other()).containsOnlyKeys("segment");
		assertThat(event.breadcrumbList().get(0).timestamp().instant())
			.isEqualTo(Instant.parse("2025-11-24T23:58:20.500Z"));
		assertThat(event.tags().pairs()).containsExactly(new Pairs.Pair("a", "1"), new Pairs.Pair("b", null));
		assertThat(event.sdk().other()).containsOnlyKeys("features");
	}

	@Test
	void aValueThatFitsNoSlotStaysVerbatimAndReadsAbsent() {
		ObjectNode raw = json("""
				{"release": {"version": "1"}, "level": null, "user": "someone", "exception": 5,
				 "tags": "a=1", "timestamp": true}
				""");

		Event event = EventCodec.decode(raw);

		assertThat(event.release()).isNull();
		assertThat(event.level()).isNull();
		assertThat(event.user()).isNull();
		assertThat(event.exception()).isNull();
		assertThat(event.tags()).isNull();
		assertThat(event.timestamp()).isNull();
		assertThat(EventCodec.toTree(event)).isEqualTo(raw);
	}

	@Test
	void numbersAndBooleansWhereTextBelongsAreReadAsText() {
		Event event = EventCodec.decode(json("""
				{"release": 123, "tags": {"count": 5, "on": true}, "fingerprint": [1, "a"], "user": {"id": 7}}
				"""));

		assertThat(event.release()).isEqualTo("123");
		assertThat(event.tag("count")).isEqualTo("5");
		assertThat(event.tag("on")).isEqualTo("true");
		assertThat(event.fingerprint()).containsExactly("1", "a");
		assertThat(event.user().id()).isEqualTo("7");
	}

	@Test
	void listInterfacesKeepTheirShape() {
		ObjectNode bare = json("""
				{"exception": [{"type": "A"}], "breadcrumbs": [{"message": "m"}]}
				""");
		ObjectNode single = json("""
				{"sentry.interfaces.Exception": {"type": "ValueError", "value": "foo bar"}}
				""");

		Event fromBare = EventCodec.decode(bare);
		Event fromSingle = EventCodec.decode(single);

		assertThat(fromBare.exception().shape()).isEqualTo(Values.Shape.ARRAY);
		assertThat(EventCodec.toTree(fromBare)).isEqualTo(bare);
		assertThat(fromSingle.exceptions()).extracting(SentryException::value).containsExactly("foo bar");
		assertThat(EventCodec.toTree(fromSingle)).isEqualTo(json("""
				{"exception": {"type": "ValueError", "value": "foo bar"}}
				"""));
		assertThat(EventCodec.toTree(fromSingle.toBuilder().exception(Values.of(fromSingle.exceptions())).build()))
			.isEqualTo(json("""
					{"exception": {"values": [{"type": "ValueError", "value": "foo bar"}]}}
					"""));
	}

	@Test
	void aPlainStringMessageIsWrittenAsAString() {
		ObjectNode raw = json("""
				{"message": "hello", "logentry": {"message": "Hi %s", "params": ["you"], "formatted": "Hi you"}}
				""");

		Event event = EventCodec.decode(raw);

		assertThat(event.message().plain()).isTrue();
		assertThat(event.logentry().params().get(0).asString()).isEqualTo("you");
		assertThat(EventCodec.toTree(event)).isEqualTo(raw);
	}

	@Test
	void typedValuesWinOverLeftoverOnesOfTheSameName() {
		Event event = EventCodec.decode(json("""
				{"release": null}
				""")).toBuilder().release("1.0").build();

		assertThat(EventCodec.toTree(event)).isEqualTo(json("""
				{"release": "1.0"}
				"""));
	}

	@Test
	void timestampsAreKeptAsSentAndReadAsInstants() {
		Event event = EventCodec.decode(json("""
				{"timestamp": "2026-11-24T23:58:38.083123", "received": 1764028718.083}
				"""));

		assertThat(event.timestamp().instant()).isEqualTo(Instant.parse("2026-11-24T23:58:38.083Z"));
		assertThat(event.received().instant()).isEqualTo(Instant.parse("2025-11-24T23:58:38.083Z"));
		assertThat(Timestamp.of(Instant.parse("2026-11-24T23:58:38.083Z")).raw().asString())
			.isEqualTo("2026-11-24T23:58:38.083Z");
	}

	@Test
	void aPayloadThatIsNoObjectIsRefusedWithAReason() {
		assertThatExceptionOfType(EventDecodeException.class).isThrownBy(() -> EventCodec.decode("[1]".getBytes()))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(EventDecodeException.Reason.NOT_AN_OBJECT));
		assertThatExceptionOfType(EventDecodeException.class).isThrownBy(() -> EventCodec.decode("{".getBytes()))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(EventDecodeException.Reason.INVALID_JSON));
		assertThat(EventCodec.decode("{}".getBytes())).isEqualTo(Event.builder().build());
		assertThat(List.of(EventCodec.encode(Event.builder().build()))).containsExactly("{}");
	}

}
