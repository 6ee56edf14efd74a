package dev.faultline.e2e;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import dev.faultline.e2e.FaultlineApi.Project;
import io.sentry.Sentry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real obfuscated build: a small shop program compiled here and shrunk by ProGuard
 * (optimization, obfuscation, inlining on; line numbers kept, source file names renamed),
 * its mapping uploaded with the unmodified {@code sentry-cli upload-proguard}, which also
 * writes {@code sentry-debug-meta.properties} ({@code io.sentry.ProguardUuids}) as the
 * Sentry Gradle plugin does; the shrunk program then crashes in a JVM of its own and
 * {@code io.sentry:sentry} reports it with the mapping's UUID. The stored event shows the
 * original classes, methods and lines, the frames as sent stay in {@code rawStacktrace},
 * and the readable build of the same program lands in the same issue. A build whose
 * mapping was never uploaded says so on its event. Subclasses expose a running Faultline
 * of one shape.
 */
abstract class ProguardContract {

	static final String ORGANIZATION = "faultline";

	private static final String CHECKOUT = """
			package com.example.shop;

			import io.sentry.Sentry;

			public class Checkout {

				public static void main(String[] args) {
					Sentry.init((options) -> {
						options.setDsn(args[0]);
						options.setRelease("shop@1.0.0");
						options.addInAppInclude("com.example.shop");
						options.setEnableUncaughtExceptionHandler(false);
					});
					try {
						run(0);
					}
					catch (RuntimeException ex) {
						Sentry.captureException(ex);
					}
					finally {
						Sentry.flush(20000);
						Sentry.close();
					}
				}

				public static void run(int items) {
					Cart cart = new Cart();
					for (int i = 0; i < items; i++) {
						cart.add(i * 3);
					}
					System.out.println(new PriceCalculator().total(cart));
				}

			}
			""";

	private static final String CART = """
			package com.example.shop;

			import java.util.ArrayList;
			import java.util.List;

			class Cart {

				private final List<Integer> prices = new ArrayList<>();

				void add(int price) {
					this.prices.add(price);
				}

				List<Integer> prices() {
					return this.prices;
				}

			}
			""";

	private static final String PRICE_CALCULATOR = """
			package com.example.shop;

			class PriceCalculator {

				int total(Cart cart) {
					if (cart.prices().isEmpty()) {
						throw new InvalidCartException("the cart is empty");
					}
					int sum = 0;
					for (int price : cart.prices()) {
						sum += discounted(price);
					}
					return sum;
				}

				private int discounted(int price) {
					return price - price / 10;
				}

			}
			""";

	private static final String INVALID_CART = """
			package com.example.shop;

			class InvalidCartException extends RuntimeException {

				InvalidCartException(String message) {
					super(message);
				}

			}
			""";

	abstract FaultlineApi api();

	@Test
	void anObfuscatedCrashShowsTheOriginalClassesMethodsAndLines() throws Exception {
		Project project = api().createProject(ORGANIZATION, ORGANIZATION, "Proguard Shop", "java");
		SentryCli cli = new SentryCli(api().baseUrl(), api().token(), ORGANIZATION, project.slug());
		Path work = Temporary.directory("proguard");
		Path sentryJar = Path.of(Sentry.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		Path readable = compile(work, sentryJar);
		Path shopJar = jar(readable, work.resolve("shop.jar"));
		Path shrunk = work.resolve("shop-min.jar");
		Path mapping = work.resolve("mapping.txt");
		shrink(work, shopJar, shrunk, mapping, sentryJar);
		assertThat(Files.readString(mapping)).contains("com.example.shop.PriceCalculator -> ");

		// the mapping, uploaded as a CI step does; the properties file goes with the app
		Path meta = Files.createDirectories(work.resolve("meta"));
		List<String> printed = cli.run(work, "proguard", "uuid", mapping.toString()).strip().lines().toList();
		String uuid = printed.get(printed.size() - 1).strip();
		cli.run(work, "upload-proguard", "--write-properties", meta.resolve("sentry-debug-meta.properties").toString(),
				mapping.toString());
		assertThat(Files.readString(meta.resolve("sentry-debug-meta.properties"))).contains(uuid);
		JsonNode files = api().get("/api/0/projects/" + ORGANIZATION + "/" + project.slug() + "/files/dsyms/");
		assertThat(files).singleElement().satisfies((file) -> {
			assertThat(file.path("uuid").asString()).isEqualTo(uuid);
			assertThat(file.path("symbolType").asString()).isEqualTo("proguard");
		});
		// uploading it again is a no-op
		assertThat(cli.run(work, "upload-proguard", mapping.toString())).contains("all files are on the server");

		run(project.dsn(), List.of(shrunk, sentryJar, meta));
		JsonNode issue = ReadBack.awaitIssue(api(), ORGANIZATION, project.slug(), "InvalidCartException");
		JsonNode event = api().get("/api/0/issues/" + issue.path("id").asString() + "/events/latest/");
		assertThat(event.path("errors")).isEmpty();
		JsonNode exception = exception(event);
		assertThat(exception.path("type").asString()).isEqualTo("InvalidCartException");
		assertThat(exception.path("module").asString()).isEqualTo("com.example.shop");
		assertThat(exception.path("value").asString()).isEqualTo("the cart is empty");
		List<String> expected = List.of("com.example.shop.Checkout.main Checkout.java:" + line(CHECKOUT, "run(0);"),
				"com.example.shop.Checkout.run Checkout.java:" + line(CHECKOUT, "new PriceCalculator().total(cart)"),
				"com.example.shop.PriceCalculator.total PriceCalculator.java:"
						+ line(PRICE_CALCULATOR, "throw new InvalidCartException"));
		assertThat(inAppFrames(exception.path("stacktrace"))).isEqualTo(expected);
		// the frames as the shrunk program sent them
		List<String> raw = inAppFrames(exception.path("rawStacktrace"));
		assertThat(raw).isNotEmpty().allSatisfy((frame) -> assertThat(frame).contains("SourceFile"));
		assertThat(raw).isNotEqualTo(expected);

		// the readable build of the same program is the same issue
		run(project.dsn(), List.of(readable, sentryJar));
		JsonNode counted = ReadBack.awaitCount(api(), issue.path("id").asString(), 2);
		assertThat(counted.path("title").asString()).startsWith("InvalidCartException");
		JsonNode readableEvent = api().get("/api/0/issues/" + issue.path("id").asString() + "/events/latest/");
		assertThat(inAppFrames(exception(readableEvent).path("stacktrace"))).isEqualTo(expected);

		// a build whose mapping was never uploaded: said on the event, frames as sent
		Path unknownMeta = Files.createDirectories(work.resolve("unknown-meta"));
		String unknown = UUID.randomUUID().toString();
		Files.writeString(unknownMeta.resolve("sentry-debug-meta.properties"),
				"io.sentry.ProguardUuids=" + unknown + "\n");
		run(project.dsn(), List.of(shrunk, sentryJar, unknownMeta));
		JsonNode unmapped = ReadBack.awaitIssue(api(), ORGANIZATION, project.slug(), "b: the cart is empty");
		JsonNode unmappedEvent = api().get("/api/0/issues/" + unmapped.path("id").asString() + "/events/latest/");
		assertThat(unmappedEvent.path("errors")).singleElement().satisfies((error) -> {
			assertThat(error.path("type").asString()).isEqualTo("proguard_missing_mapping");
			assertThat(error.path("message").asString()).isEqualTo("A proguard mapping file was missing.");
			assertThat(error.path("data").path("mapping_uuid").asString()).isEqualTo(unknown);
		});
		assertThat(inAppFrames(exception(unmappedEvent).path("stacktrace"))).isEqualTo(raw);
	}

	private static JsonNode exception(JsonNode event) {
		for (JsonNode entry : event.path("entries")) {
			if (entry.path("type").asString().equals("exception")) {
				return entry.path("data").path("values").get(0);
			}
		}
		throw new AssertionError("no exception entry in " + event);
	}

	/** {@code module.function file:line} of the in-app frames, outermost first. */
	private static List<String> inAppFrames(JsonNode stacktrace) {
		List<String> frames = new ArrayList<>();
		for (JsonNode frame : stacktrace.path("frames")) {
			if (frame.path("inApp").asBoolean(false)) {
				frames.add(frame.path("module").asString() + "." + frame.path("function").asString() + " "
						+ frame.path("filename").asString() + ":" + frame.path("lineNo").asInt());
			}
		}
		return frames;
	}

	/**
	 * The 1-based line of the first line of {@code source} that contains {@code text}.
	 */
	private static int line(String source, String text) {
		List<String> lines = source.lines().toList();
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).contains(text)) {
				return i + 1;
			}
		}
		throw new IllegalArgumentException(text);
	}

	private static Path compile(Path work, Path sentryJar) throws IOException {
		Path sources = Files.createDirectories(work.resolve("src/com/example/shop"));
		Map<String, String> files = Map.of("Checkout.java", CHECKOUT, "Cart.java", CART, "PriceCalculator.java",
				PRICE_CALCULATOR, "InvalidCartException.java", INVALID_CART);
		List<String> arguments = new ArrayList<>(List.of("-g", "--release", "17", "-cp", sentryJar.toString(), "-d",
				work.resolve("classes").toString()));
		for (Map.Entry<String, String> file : files.entrySet()) {
			Path path = sources.resolve(file.getKey());
			Files.writeString(path, file.getValue());
			arguments.add(path.toString());
		}
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		assertThat(compiler.run(null, null, null, arguments.toArray(String[]::new))).as("javac").isZero();
		return work.resolve("classes");
	}

	private static Path jar(Path classes, Path jar) throws IOException {
		try (OutputStream out = Files.newOutputStream(jar);
				JarOutputStream zip = new JarOutputStream(out);
				Stream<Path> paths = Files.walk(classes)) {
			for (Path path : paths.filter(Files::isRegularFile).sorted().toList()) {
				zip.putNextEntry(new JarEntry(classes.relativize(path).toString().replace('\\', '/')));
				zip.write(Files.readAllBytes(path));
				zip.closeEntry();
			}
		}
		return jar;
	}

	/** ProGuard in a JVM of its own, as a build runs it. */
	private static void shrink(Path work, Path in, Path out, Path mapping, Path sentryJar) throws Exception {
		Path configuration = work.resolve("shop.pro");
		Files.writeString(configuration,
				String.join("\n", "-injars " + in, "-outjars " + out,
						"-libraryjars <java.home>/jmods/java.base.jmod(!**.jar;!module-info.class)",
						"-libraryjars " + sentryJar, "-printmapping " + mapping, "-keeppackagenames com.example.**",
						"-keepattributes SourceFile,LineNumberTable", "-renamesourcefileattribute SourceFile",
						"-keep public class com.example.shop.Checkout { public static void main(java.lang.String[]); }",
						"-dontwarn", ""));
		// The test's class path holds ProGuard's jars; without the bridge that sends
		// Log4j
		// to SLF4J, which ProGuard's own Log4j set-up cannot work with.
		List<String> classpath = Stream.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
			.filter((entry) -> !Path.of(entry).getFileName().toString().startsWith("log4j-to-slf4j"))
			.toList();
		java(work, classpath, "proguard.ProGuard", "@" + configuration);
	}

	private static void run(String dsn, List<Path> classpath) throws Exception {
		java(classpath.get(0).getParent(), classpath.stream().map(Path::toString).toList(), "com.example.shop.Checkout",
				dsn);
	}

	private static void java(Path directory, List<String> classpath, String mainClass, String... arguments)
			throws Exception {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
						String.join(java.io.File.pathSeparator, classpath), mainClass));
		command.addAll(List.of(arguments));
		Path log = Files.createTempFile("proguard-contract", ".log");
		Process process = new ProcessBuilder(command).directory(directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		boolean finished = process.waitFor(180, TimeUnit.SECONDS);
		if (!finished) {
			process.destroyForcibly();
		}
		String output = Files.readString(log);
		Files.delete(log);
		assertThat(finished && process.exitValue() == 0).as("%s exited:%n%s", mainClass, output).isTrue();
	}

}
