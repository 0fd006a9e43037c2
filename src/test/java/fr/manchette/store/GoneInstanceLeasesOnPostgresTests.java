package fr.manchette.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import fr.manchette.support.LocalPostgres;
import fr.manchette.support.OnLocalPostgres;
import fr.manchette.support.OtherInstance;
import fr.manchette.support.StoreTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * On PostgreSQL, the leases of an instance that is gone (its process killed, its session ended) are given back at once,
 * polls' and webhook deliveries' alike, not when they run out; those of a live instance are kept, and so are this
 * instance's own and those of an instance without a key (an earlier version's). PostgreSQL lets a session's locks go
 * a moment after it ends: hence the waits, on the test's thread, in its transaction.
 */
@StoreTest
@OnLocalPostgres
class GoneInstanceLeasesOnPostgresTests {

	private static final Instant T0 = StoreTest.NOW;

	/** An instance of an earlier version, whose name carries no key: nothing tells whether it is alive. */
	private static final String EARLIER_VERSION = "other-host/41/0badc0de";

	private static final Duration GONE_WITHIN = Duration.ofSeconds(30);

	@Autowired
	private SourceStatusRepository statuses;

	@Autowired
	private SourceLeases leases;

	@Autowired
	private WebhookOutbox outbox;

	@Autowired
	private LeaseOwner self;

	@Test
	void thePollLeasesOfAnInstanceWhoseSessionEndedAreGivenBackThoseOfALiveOneKept() throws SQLException {
		for (String source : List.of("gone", "live", "earlier", "self")) {
			this.statuses.schedule(source, "https://" + source + ".example/feed", T0);
		}
		try (OtherInstance live = OtherInstance.on(url())) {
			OtherInstance gone = OtherInstance.on(url());
			claim("gone", gone.name());
			claim("live", live.name());
			claim("earlier", EARLIER_VERSION);
			claim("self", this.self.name());
			assertThat(this.leases.releaseLeftBehind(this.self.name())).isZero();

			gone.close();

			await().pollInSameThread().atMost(GONE_WITHIN).until(() -> this.leases.releaseLeftBehind(this.self.name()) == 1);
			assertThat(this.leases.due(T0.plusSeconds(1), 10)).containsExactly("gone");
		}
	}

	@Test
	void theDeliveriesClaimedByAnInstanceWhoseSessionEndedAreGivenBackThoseOfALiveOneKept() throws SQLException {
		List<String> hooks = List.of("hook-gone", "hook-live", "hook-earlier", "hook-self");
		this.outbox.enqueue(hooks.stream().map(GoneInstanceLeasesOnPostgresTests::event).toList(), T0);
		try (OtherInstance live = OtherInstance.on(url())) {
			OtherInstance gone = OtherInstance.on(url());
			claim("hook-gone", gone.name() + "#3");
			claim("hook-live", live.name() + "#1");
			claim("hook-earlier", EARLIER_VERSION + "#7");
			claim("hook-self", this.self.name() + "#1");
			assertThat(this.outbox.releaseLeftBehind(this.self.name())).isZero();

			gone.close();

			await().pollInSameThread().atMost(GONE_WITHIN).until(() -> this.outbox.releaseLeftBehind(this.self.name()) == 1);
			assertThat(this.outbox.claim(hooks, this.self.name() + "#2", T0.plusSeconds(1), T0.plusSeconds(161), 10))
				.extracting(OutboxDelivery::hook)
				.containsExactly("hook-gone");
		}
	}

	/** A real kill: the process holding the lock ends with SIGKILL, and the system closes its connection. */
	@Test
	void theLeasesOfAKilledProcessAreGivenBackAtOnce() throws Exception {
		this.statuses.schedule("killed", "https://killed.example/feed", T0);
		this.outbox.enqueue(List.of(event("hook-killed")), T0);
		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), InstanceProcess.class.getName(), url())
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		try {
			String killed = firstLine(process);
			claim("killed", killed);
			claim("hook-killed", killed + "#1");
			// Alive: its lock is held.
			assertThat(this.leases.releaseLeftBehind(this.self.name())).isZero();
			assertThat(this.outbox.releaseLeftBehind(this.self.name())).isZero();

			process.destroyForcibly().waitFor();

			await().pollInSameThread().atMost(GONE_WITHIN).until(() -> this.leases.releaseLeftBehind(this.self.name()) == 1);
			assertThat(this.outbox.releaseLeftBehind(this.self.name())).isOne();
			assertThat(this.leases.due(T0.plusSeconds(1), 10)).containsExactly("killed");
		}
		finally {
			process.destroyForcibly();
		}
	}

	/**
	 * The connection that holds this instance's lock lost (PostgreSQL restarted, a network cut; here its backend
	 * ended by an administrator): the next round takes the lock again, so that the others see it alive again.
	 */
	@Test
	void anInstanceWhoseLockConnectionWasLostTakesItsLockAgain() throws SQLException {
		long key = LeaseOwner.key(this.self.name()).orElseThrow();
		assertThat(lockFree(key)).isFalse();

		try (Connection admin = DriverManager.getConnection(url());
				PreparedStatement terminate = admin.prepareStatement("""
						SELECT pg_terminate_backend(pid) FROM pg_locks
						WHERE locktype = 'advisory' AND classid = :high AND objid = :low AND objsubid = 1"""
					.replace(":high", Long.toString(key >>> 32))
					.replace(":low", Long.toString(key & 0xffffffffL)))) {
			terminate.execute();
		}
		await().atMost(GONE_WITHIN).until(() -> lockFree(key));

		assertThat(this.self.keepHeld()).isTrue();
		assertThat(lockFree(key)).isFalse();
	}

	/** Whether another session could take the lock of this key (and lets it go at once). */
	private static boolean lockFree(long key) throws SQLException {
		try (Connection session = DriverManager.getConnection(url());
				PreparedStatement lock = session.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
			lock.setLong(1, key);
			try (ResultSet taken = lock.executeQuery()) {
				taken.next();
				return taken.getBoolean(1);
			}
		}
	}

	private void claim(String source, String owner) {
		if (source.startsWith("hook-")) {
			assertThat(this.outbox.claim(List.of(source), owner, T0, T0.plusSeconds(160), 10)).hasSize(1);
		}
		else {
			assertThat(this.leases.claim(source, owner, T0, T0.plusSeconds(60))).isTrue();
		}
	}

	private static String firstLine(Process process) throws IOException {
		BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		String line = out.readLine();
		assertThat(line).as("the instance process's name").isNotNull();
		return line;
	}

	private static String url() {
		return LocalPostgres.get().jdbcUrl();
	}

	private static OutboxEvent event(String hook) {
		return new OutboxEvent(hook, "story-" + hook, "story.new", "Séisme au large d’Agadir",
				"https://actu.example/quake.html", List.of("alpha"), T0);
	}

}
