package dev.faultline.processor.retrace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

import dev.faultline.core.proguard.MappingUuid;
import dev.faultline.core.scrub.ScrubbingSettings;
import dev.faultline.processor.event.GroupingStage;
import dev.faultline.processor.pipeline.ProjectProcessing;
import dev.faultline.protocol.event.EventCodec;
import dev.faultline.storage.debugfile.DebugFile;
import dev.faultline.storage.debugfile.NewDebugFile;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.Project;
import dev.faultline.storage.metadata.ProjectSettings;
import dev.faultline.storage.sqlite.SqliteMetadataStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stage over a mapping ProGuard 7.7.0 wrote (see core's {@code ProguardMappingTest}
 * for the program and its two stack traces), stored in a real SQLite metadata store.
 */
class ProguardStageTest {

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path directory;

	private SqliteMetadataStores stores;

	private Project project;

	private String uuid;

	private ProguardStage stage;

	@BeforeEach
	void setUp() throws IOException {
		this.stores = SqliteMetadataStores.open(this.directory.resolve("metadata.db"));
		Organization org = this.stores.organizations().create("acme", "Acme");
		long team = this.stores.organizations().createTeam(org.id(), "core", "Core").id();
		this.project = this.stores.projects().create(org.id(), team, "shop", "Shop", "java");
		byte[] mapping;
		try (InputStream in = getClass().getResourceAsStream("/proguard/shop-proguard-7.7.0.txt")) {
			mapping = in.readAllBytes();
		}
		this.uuid = MappingUuid.of(mapping);
		this.stores.debugFiles()
			.save(org.id(), this.project.id(), new NewDebugFile("checksum", this.uuid, DebugFile.PROGUARD,
					"proguard-mapping", List.of("mapping"), mapping), List.of());
		this.stage = new ProguardStage(new ProguardMappings(this.stores.debugFiles()));
	}

	@AfterEach
	void tearDown() {
		this.stores.close();
	}

	@Test
	void obfuscatedFramesAndTypesBecomeTheOriginalOnes() {
		ObjectNode event = obfuscated(this.uuid.toUpperCase());

		this.stage.symbolicate(event, this.project.id());

		JsonNode exception = event.path("exception").path("values").path(0);
		assertThat(exception.path("type").asString()).isEqualTo("InvalidCartException");
		assertThat(exception.path("module").asString()).isEqualTo("com.example.shop");
		assertThat(exception.path("value").asString()).isEqualTo("the cart is empty");
		assertThat(frames(exception.path("stacktrace"))).containsExactly("java.lang.Thread.run:Thread.java:1583:false",
				"com.example.shop.Checkout.main:Checkout.java:6:true",
				"com.example.shop.Checkout.run:Checkout.java:14:true",
				"com.example.shop.PriceCalculator.total:PriceCalculator.java:7:true");
		assertThat(frames(exception.path("raw_stacktrace"))).containsExactly(
				"java.lang.Thread.run:Thread.java:1583:false", "com.example.shop.Checkout.main:SourceFile:1014:true",
				"com.example.shop.c.a:SourceFile:7:true");
		assertThat(frames(event.path("threads").path("values").path(0).path("stacktrace")))
			.contains("com.example.shop.Checkout.run:Checkout.java:14:true");
		assertThat(event.has("errors")).isFalse();
		assertThat(event.path("title").asString()).isEqualTo("InvalidCartException: the cart is empty");
		assertThat(event.path("culprit").asString()).isEqualTo("com.example.shop.PriceCalculator in total");
		assertThat(event.path("metadata").path("type").asString()).isEqualTo("InvalidCartException");
	}

	@Test
	void theObfuscatedBuildGroupsWithItsReadableSelf() {
		ObjectNode obfuscated = obfuscated(this.uuid);
		this.stage.symbolicate(obfuscated, this.project.id());
		ObjectNode readable = readable();
		this.stage.symbolicate(readable, this.project.id());

		assertThat(hash(obfuscated)).isEqualTo(hash(readable));
		assertThat(hash(obfuscated(this.uuid))).isNotEqualTo(hash(readable));
	}

	@Test
	void aMissingMappingIsSaidOnTheEventWhichStaysAsSent() {
		String other = "0f2d8d35-3b8e-5f7a-9a5e-6f0c2b4d1e77";
		ObjectNode event = obfuscated(other);
		ObjectNode sent = event.deepCopy();

		this.stage.symbolicate(event, this.project.id());

		assertThat(event.path("errors")).hasSize(1);
		assertThat(event.path("errors").path(0).path("type").asString()).isEqualTo("proguard_missing_mapping");
		assertThat(event.path("errors").path(0).path("mapping_uuid").asString()).isEqualTo(other);
		event.remove("errors");
		assertThat(event).isEqualTo(sent);
	}

	@Test
	void eventsWithoutProguardImagesAreLeftAlone() {
		ObjectNode event = obfuscated(this.uuid);
		event.remove("debug_meta");
		ObjectNode sent = event.deepCopy();

		this.stage.symbolicate(event, this.project.id());

		assertThat(event).isEqualTo(sent);
	}

	private String hash(ObjectNode event) {
		ProjectProcessing processing = ProjectProcessing.compile(ProjectSettings.DEFAULTS,
				ScrubbingSettings.defaultSettings());
		return new GroupingStage().group(EventCodec.decode(event), processing).result().hash();
	}

	private static List<String> frames(JsonNode stacktrace) {
		return java.util.stream.StreamSupport.stream(stacktrace.path("frames").spliterator(), false)
			.map((frame) -> frame.path("module").asString() + "." + frame.path("function").asString() + ":"
					+ frame.path("filename").asString() + ":" + frame.path("lineno").asInt() + ":"
					+ frame.path("in_app").asBoolean())
			.toList();
	}

	/**
	 * What io.sentry:sentry sends for the shrunk build's crash, with its mapping UUID.
	 */
	private static ObjectNode obfuscated(String uuid) {
		String frames = """
				[{"filename":"Thread.java","function":"run","module":"java.lang.Thread","lineno":1583,"in_app":false,"native":false},
				 {"filename":"SourceFile","function":"main","module":"com.example.shop.Checkout","lineno":1014,"in_app":true,"native":false},
				 {"filename":"SourceFile","function":"a","module":"com.example.shop.c","lineno":7,"in_app":true,"native":false}]""";
		return event("b", frames, uuid);
	}

	/** What it sends for the readable build's crash. */
	private static ObjectNode readable() {
		String frames = """
				[{"filename":"Thread.java","function":"run","module":"java.lang.Thread","lineno":1583,"in_app":false,"native":false},
				 {"filename":"Checkout.java","function":"main","module":"com.example.shop.Checkout","lineno":6,"in_app":true,"native":false},
				 {"filename":"Checkout.java","function":"run","module":"com.example.shop.Checkout","lineno":14,"in_app":true,"native":false},
				 {"filename":"PriceCalculator.java","function":"total","module":"com.example.shop.PriceCalculator","lineno":7,"in_app":true,"native":false}]""";
		ObjectNode event = event("InvalidCartException", frames, "00000000-0000-0000-0000-000000000000");
		event.remove("debug_meta");
		return event;
	}

	private static ObjectNode event(String type, String frames, String uuid) {
		String json = """
				{"event_id":"0123456789abcdef0123456789abcdef","platform":"java","level":"error",
				 "exception":{"values":[{"type":"%s","value":"the cart is empty","module":"com.example.shop",
				   "thread_id":1,"mechanism":{"type":"UncaughtExceptionHandler","handled":false},
				   "stacktrace":{"frames":%s}}]},
				 "threads":{"values":[{"id":1,"name":"main","crashed":true,"stacktrace":{"frames":%s}}]},
				 "debug_meta":{"images":[{"type":"proguard","uuid":"%s"}]}}""".formatted(type, frames, frames, uuid);
		return (ObjectNode) JSON.readTree(json);
	}

}
