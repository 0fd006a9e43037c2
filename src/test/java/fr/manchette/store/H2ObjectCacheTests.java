package fr.manchette.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class H2ObjectCacheTests {

	private String before;

	@BeforeEach
	void remember() {
		this.before = System.getProperty(H2ObjectCache.PROPERTY);
	}

	@AfterEach
	void restore() {
		if (this.before == null) {
			System.clearProperty(H2ObjectCache.PROPERTY);
		}
		else {
			System.setProperty(H2ObjectCache.PROPERTY, this.before);
		}
	}

	@Test
	void offWhenTheOperatorSaidNothing() {
		System.clearProperty(H2ObjectCache.PROPERTY);
		assertThat(H2ObjectCache.offUnlessSet()).isEqualTo("false");
		assertThat(System.getProperty(H2ObjectCache.PROPERTY)).isEqualTo("false");
	}

	@Test
	void theOperatorsValueWins() {
		System.setProperty(H2ObjectCache.PROPERTY, "true");
		assertThat(H2ObjectCache.offUnlessSet()).isEqualTo("true");
		assertThat(System.getProperty(H2ObjectCache.PROPERTY)).isEqualTo("true");
	}

}
