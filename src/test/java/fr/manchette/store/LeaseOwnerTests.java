package fr.manchette.store;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link LeaseOwner}'s names: one an instance, that names its process and carries its key, short enough for the owner
 * columns with a suffix.
 */
class LeaseOwnerTests {

	@Test
	void aNameNamesItsProcessAndCarriesItsKey() {
		String name = LeaseOwner.newName(0x1a2b3c4d5e6f7081L);

		assertThat(name).contains("/" + ProcessHandle.current().pid() + "/").endsWith("/1a2b3c4d5e6f7081");
		assertThat(LeaseOwner.key(name)).hasValue(0x1a2b3c4d5e6f7081L);
		assertThat(LeaseOwner.key(LeaseOwner.newName(-2L))).hasValue(-2L);
	}

	@Test
	void aClaimOfAnInstanceCarriesItsKey() {
		assertThat(LeaseOwner.key("host/42/00000000000000ff#17")).hasValue(255L);
	}

	@Test
	void aNameWithoutAKeyHasNone() {
		// An earlier version's (a random part of 8 hex digits), or none at all.
		assertThat(LeaseOwner.key("host/42/0badc0de")).isEmpty();
		assertThat(LeaseOwner.key("host/42/0badc0de#3")).isEmpty();
		assertThat(LeaseOwner.key("killed")).isEmpty();
		assertThat(LeaseOwner.key("host/42/00000000000000FF")).isEmpty();
	}

	@Test
	void aLongNameKeepsItsEndWithinTheColumnLessASuffix() {
		String name = LeaseOwner.fit("h".repeat(200) + "/4242/1a2b3c4d5e6f7081");

		assertThat(name).hasSize(LeaseOwner.MAX_LENGTH).endsWith("/4242/1a2b3c4d5e6f7081");
		assertThat(LeaseOwner.key(name)).hasValue(0x1a2b3c4d5e6f7081L);
		assertThat((name + "#" + Integer.MAX_VALUE).length()).isLessThanOrEqualTo(100);
	}

}
