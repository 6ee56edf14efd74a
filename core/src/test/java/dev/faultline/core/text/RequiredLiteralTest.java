package dev.faultline.core.text;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class RequiredLiteralTest {

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiterString = " => ", nullValues = "NONE", textBlock = """
			(Firefox)/(\\d+)\\.(\\d+) => Firefox AND / AND .
			(?:Mobile Safari).*(OPR)/(\\d+)\\.(\\d+) => Mobile Safari AND OPR AND /
			(Chrome|Chromium)/(\\d+) => Chrome,Chromium AND /
			Edg(?:e|A|iOS)?/(\\d+) => Edg AND /
			(?i)(Android)[ \\-/](\\d+) => Android
			\\bSmartWatch *\\( *([^;]+) *; *([^;]+) *; => SmartWatch AND ( AND ;
			(MSIE)/(\\d+)\\.(\\d+).*XBLWP7 => XBLWP7 AND MSIE AND /
			Version/(\\d+)\\.(\\d+)(?:\\.(\\d+)|).*Safari/ => Version/ AND Safari/ AND .
			(ab?c)+ => a AND c
			x{0,3}yz => yz
			(?:Opera Mini|OPiOS) => Opera Mini,OPiOS
			(?:Opera Mini|[a-z]) => NONE
			; *(?:SAMSUNG|Samsung) (SM-[A-Z]) => SAMSUNG,Samsung AND SM- AND ;
			[a-z]+ => NONE
			\\x41BCD => BCD
			Mozilla/5\\.0 \\( => Mozilla/5.0 (
			""")
	void findsTheMostSelectiveRequirements(String regex, String requirements) {
		List<List<String>> expected = (requirements == null) ? List.of()
				: Stream.of(requirements.split(" AND ")).map((any) -> List.of(any.split(","))).toList();
		assertThat(RequiredLiteral.of(regex)).isEqualTo(expected);
	}

}
