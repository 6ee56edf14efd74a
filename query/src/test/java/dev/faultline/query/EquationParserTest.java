package dev.faultline.query;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EquationParserTest {

	private final FieldParser transactions = new FieldParser(Datasets.TRANSACTIONS);

	private final FieldParser errors = new FieldParser(Datasets.ERRORS);

	@Test
	void readsSentrysEquationWithPrecedenceAndKeepsTheRequestedText() {
		RequestedField field = this.errors.parse("equation|count() / count_unique(user) * 100");
		assertThat(field.text()).isEqualTo("equation|count() / count_unique(user) * 100");
		Equation equation = (Equation) field.expression();
		// (count() / count_unique(user)) * 100: left-associative.
		assertThat(equation.term()).isEqualTo(new Equation.Binary(Equation.Operator.MULTIPLY,
				new Equation.Binary(Equation.Operator.DIVIDE, new Equation.Operand(Aggregate.count()),
						new Equation.Operand(Aggregate.of(Function.COUNT_UNIQUE, Expression.tag("user")))),
				new Equation.Number(100)));
		assertThat(equation.overGroup()).isTrue();
		assertThat(equation.type()).isEqualTo(FieldType.NUMBER);
		assertThat(equation.metaType()).isEqualTo("number");
		// The model's own name spells each operand canonically; responses key by the
		// text.
		assertThat(equation.name()).isEqualTo("equation|count() / count_unique(tags[user]) * 100");
	}

	@Test
	void multiplicationBindsTighterAndParenthesesGroup() {
		Equation plain = (Equation) this.errors.parse("equation|count() + count() * 2").expression();
		assertThat(plain.term()).isInstanceOfSatisfying(Equation.Binary.class,
				(binary) -> assertThat(binary.operator()).isEqualTo(Equation.Operator.PLUS));
		Equation grouped = (Equation) this.errors.parse("equation|(count() + count()) * 2").expression();
		assertThat(grouped.term()).isInstanceOfSatisfying(Equation.Binary.class,
				(binary) -> assertThat(binary.operator()).isEqualTo(Equation.Operator.MULTIPLY));
		assertThat(grouped.name()).isEqualTo("equation|(count() + count()) * 2");
		Equation right = (Equation) this.errors.parse("equation|count() - (count() - 1)").expression();
		assertThat(right.name()).isEqualTo("equation|count() - (count() - 1)");
	}

	@Test
	void readsFunctionsWithArgumentsColumnsAndNegativeNumbers() {
		Equation equation = (Equation) this.transactions
			.parse("equation|percentile(transaction.duration, 0.99)/p50(transaction.duration) - -1.5")
			.expression();
		assertThat(equation.operands()).hasSize(2);
		assertThat(equation.operands().get(0))
			.isEqualTo(Aggregate.percentile(Expression.field(Datasets.TRANSACTIONS, "transaction.duration"), 0.99));

		Equation columns = (Equation) this.transactions.parse("equation|transaction.duration * 2").expression();
		assertThat(columns.overGroup()).isFalse();
		assertThat(columns.operands())
			.isEqualTo(List.of(Expression.field(Datasets.TRANSACTIONS, "transaction.duration")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "equation|", "equation|count() +", "equation|(count() * 2", "equation|count() * 2)",
			"equation|1 + 2", "equation|count() + transaction.duration", "equation|count() + transaction",
			"equation|count() 2", "equation|equation|count()", "equation|nosuch() * 2",
			"equation|1+1+1+1+1+1+1+1+1+1+1+count()" })
	void refusesWhatIsNoEquation(String text) {
		assertThatThrownBy(() -> this.transactions.parse(text)).isInstanceOf(FieldSyntaxException.class);
	}

	@Test
	void aSortReadsAnEquationDescending() {
		Order order = this.errors.parseOrder("-equation|count() * 2");
		assertThat(order.descending()).isTrue();
		assertThat(order.expression()).isInstanceOf(Equation.class);
	}

	@Test
	void theQueryModelTreatsFunctionEquationsAsAggregates() {
		Expression equation = this.errors.parse("equation|count() * 2").expression();
		Expression level = Expression.field(Datasets.ERRORS, "level");
		TimeRange range = new TimeRange(java.time.Instant.EPOCH, java.time.Instant.EPOCH.plusSeconds(60));
		Query query = Query.builder(Datasets.ERRORS, List.of(1L), range).select(level, equation).groupBy(level).build();
		assertThat(query.aggregated()).isTrue();
		assertThatThrownBy(
				() -> Query.builder(Datasets.ERRORS, List.of(1L), range).select(equation).groupBy(equation).build())
			.isInstanceOf(IllegalArgumentException.class);
	}

}
