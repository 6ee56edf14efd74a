package dev.faultline.core.proguard;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.faultline.core.proguard.ProguardMapping.RetracedFrame;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The reader against a mapping ProGuard 7.7.0 wrote for a small program (the sources and
 * the stack traces of its shrunk and readable builds are in the comments), and against a
 * sample in R8's format with its metadata.
 */
class ProguardMappingTest {

	/**
	 * ProGuard 7.7.0 ({@code -keeppackagenames}, {@code -keepattributes
	 * SourceFile,LineNumberTable}, optimization on) of a shop whose
	 * {@code PriceCalculator.total} throws. The shrunk build's trace: <pre>
	 * com.example.shop.b: the cart is empty
	 *   at com.example.shop.c.a(SourceFile:7)
	 *   at com.example.shop.Checkout.main(SourceFile:1014)
	 * </pre> the readable build's: <pre>
	 * com.example.shop.InvalidCartException: the cart is empty
	 *   at com.example.shop.PriceCalculator.total(PriceCalculator.java:7)
	 *   at com.example.shop.Checkout.run(Checkout.java:14)
	 *   at com.example.shop.Checkout.main(Checkout.java:6)
	 * </pre>
	 */
	@Test
	void retracesProguardOutputToTheReadableTrace() throws IOException {
		ProguardMapping mapping = load("shop-proguard-7.7.0.txt");

		assertThat(mapping.hasLineInfo()).isTrue();
		assertThat(mapping.classCount()).isEqualTo(4);
		assertThat(mapping.originalClass("com.example.shop.b")).isEqualTo("com.example.shop.InvalidCartException");
		assertThat(mapping.originalClass("com.example.shop.Checkout")).isEqualTo("com.example.shop.Checkout");
		assertThat(mapping.originalClass("java.lang.String")).isNull();

		assertThat(mapping.retrace("com.example.shop.c", "a", 7)).containsExactly(
				new RetracedFrame("com.example.shop.PriceCalculator", "total", 7, "PriceCalculator.java", false));
		// run() inlined into main(): the inlined method first, then its call site
		assertThat(mapping.retrace("com.example.shop.Checkout", "main", 1014)).containsExactly(
				new RetracedFrame("com.example.shop.Checkout", "run", 14, "Checkout.java", false),
				new RetracedFrame("com.example.shop.Checkout", "main", 6, "Checkout.java", false));
		// discounted() inlined into total() at its line 11
		assertThat(mapping.retrace("com.example.shop.c", "a", 1017)).containsExactly(
				new RetracedFrame("com.example.shop.PriceCalculator", "discounted", 17, "PriceCalculator.java", false),
				new RetracedFrame("com.example.shop.PriceCalculator", "total", 11, "PriceCalculator.java", false));
		assertThat(mapping.retrace("com.example.shop.a", "a", 11)).extracting(RetracedFrame::method)
			.containsExactly("add");
		assertThat(mapping.retrace("com.example.shop.a", "a", 15)).extracting(RetracedFrame::method)
			.containsExactly("prices");
		assertThat(mapping.retrace("com.example.shop.Unknown", "a", 1)).isEmpty();
	}

	@Test
	void readsR8FormatAndMetadata() throws IOException {
		ProguardMapping mapping = load("r8-sample.txt");

		assertThat(mapping.retrace("com.example.app.MainActivity", "onCreate", 2)).containsExactly(
				new RetracedFrame("com.example.app.MainActivity", "onCreate", 16, "MainActivity.kt", false));
		// a method of another class inlined: its class and that class's source file
		assertThat(mapping.retrace("com.example.app.MainActivity", "onCreate", 4)).containsExactly(
				new RetracedFrame("com.example.app.util.Strings", "requireNotBlank", 22, "Strings.kt", false),
				new RetracedFrame("com.example.app.MainActivity", "onCreate", 18, "MainActivity.kt", false));
		// a synthesized frame is dropped from a chain that has others
		assertThat(mapping.retrace("com.example.app.MainActivity", "onCreate", 5)).containsExactly(
				new RetracedFrame("com.example.app.MainActivity", "onCreate", 19, "MainActivity.kt", false));
		// no line ranges: the one original name, the line as given
		assertThat(mapping.retrace("a.a", "a", 3)).containsExactly(
				new RetracedFrame("com.example.app.util.Strings", "requireNotBlank", 3, "Strings.kt", false));
		// overloads of one name are still one name
		assertThat(mapping.retrace("a.a", "b", null)).extracting(RetracedFrame::method).containsExactly("trim");
		// an inner class without a recorded source file: its outer class's name
		assertThat(mapping.retrace("a.b", "a", 2)).containsExactly(
				new RetracedFrame("com.example.app.Repository$Cache", "get", 41, "Repository.java", false));
		// two methods behind one name and no line to tell them apart: the class only
		assertThat(mapping.retrace("a.c", "a", 0))
			.containsExactly(new RetracedFrame("com.example.app.Ambiguous", "a", 0, "Ambiguous.java", false));
		// a line outside every range of a method that has ranges: the one name it has
		assertThat(mapping.retrace("a.b", "a", 99)).isEqualTo(
				List.of(new RetracedFrame("com.example.app.Repository$Cache", "a", 99, "Repository.java", false)));
	}

	@Test
	void aFileWithoutClassesIsNoMapping() {
		assertThatThrownBy(() -> ProguardMapping.parse("{\"not\": \"a mapping\"}\n".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(ProguardMapping.InvalidMappingException.class);
		ProguardMapping noLines = ProguardMapping
			.parse("a.B -> c:\n    void run() -> a\n".getBytes(StandardCharsets.UTF_8));
		assertThat(noLines.hasLineInfo()).isFalse();
	}

	/** The UUIDs {@code sentry-cli proguard uuid} 3.8.0 printed for these files. */
	@Test
	void uuidIsSentryClis() throws IOException {
		assertThat(MappingUuid.of(bytes("shop-proguard-7.7.0.txt"))).isEqualTo("ad205de4-89ac-57ef-9124-1246b863e94b");
		assertThat(MappingUuid.of(bytes("r8-sample.txt"))).isEqualTo("f1272942-1fe8-55e5-9f75-665341b624b7");
	}

	private static ProguardMapping load(String name) throws IOException {
		return ProguardMapping.parse(bytes(name));
	}

	private static byte[] bytes(String name) throws IOException {
		try (InputStream in = ProguardMappingTest.class.getResourceAsStream("/proguard/" + name)) {
			assertThat(in).as(name).isNotNull();
			return in.readAllBytes();
		}
	}

}
