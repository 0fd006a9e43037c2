package fr.manchette.store;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link LeaseOwner}: one name an instance, unlike any other, and short enough for the owner columns with a suffix. */
class LeaseOwnerTests {

	@Test
	void twoNamesOfOneProcessDifferAndNameIt() {
		String one = LeaseOwner.newName();
		String other = LeaseOwner.newName();

		assertThat(one).isNotEqualTo(other).contains("/" + ProcessHandle.current().pid() + "/");
	}

	@Test
	void aLongNameKeepsItsEndWithinTheColumnLessASuffix() {
		String name = LeaseOwner.fit("h".repeat(200) + "/4242/1a2b3c4d");

		assertThat(name).hasSize(LeaseOwner.MAX_LENGTH).endsWith("/4242/1a2b3c4d");
		assertThat((name + "#" + Integer.MAX_VALUE).length()).isLessThanOrEqualTo(100);
	}

}
