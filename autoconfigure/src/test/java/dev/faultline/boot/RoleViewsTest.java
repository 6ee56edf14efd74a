package dev.faultline.boot;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class RoleViewsTest {

	interface Reader {

		String read(int index);

		default String first() {
			return read(0);
		}

	}

	interface Writer {

		void write(String value);

	}

	static final class Store implements Reader, Writer {

		final List<String> values = new ArrayList<>();

		@Override
		public String read(int index) {
			if (index >= this.values.size()) {
				throw new IllegalStateException("no value " + index);
			}
			return this.values.get(index);
		}

		@Override
		public void write(String value) {
			this.values.add(value);
		}

	}

	@Test
	void aViewPlaysItsRoleOnlyAndForwardsEveryCall() {
		Store store = new Store();
		Writer writer = RoleViews.of(Writer.class, store);
		Reader reader = RoleViews.of(Reader.class, store);

		writer.write("a");

		assertThat(reader.first()).isEqualTo("a");
		assertThat(writer).isNotInstanceOf(Reader.class).isNotInstanceOf(Store.class);
		assertThat(reader).isNotInstanceOf(Writer.class).isEqualTo(reader).isNotEqualTo(store);
		assertThat(reader.toString()).startsWith("Reader view of");
	}

	@Test
	void theStoresExceptionsReachTheCallerUnwrapped() {
		Reader reader = RoleViews.of(Reader.class, new Store());

		assertThatIllegalStateException().isThrownBy(() -> reader.read(3)).withMessage("no value 3");
	}

}
