package fr.manchette.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;

import fr.manchette.config.CurrentFeeds;
import fr.manchette.config.FeedsFile;
import fr.manchette.config.FeedsFileReloaded;
import fr.manchette.config.ManchetteProperties;
import fr.manchette.config.Source;
import fr.manchette.store.LeaseOwner;
import fr.manchette.store.PollOutcome;
import fr.manchette.store.PollStart;
import fr.manchette.store.SourceLeases;
import fr.manchette.store.SourceStatus;
import fr.manchette.store.SourceStatusRepository;
import fr.manchette.store.StoreOutage;
import fr.manchette.store.SourceStatusRepository.FirstPoll;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;

/**
 * Polls every enabled source when it is due. The timetable lives in the database ({@code source_status}), so that
 * several instances on one PostgreSQL share it: at each tick an instance claims the due sources it has room for with
 * a lease (one exclusive conditional update: one instance wins each source), polls them on its workers from the rows
 * the claim read, and the poll's outcome sets the next due time and ends the lease. A long poll has its lease
 * renewed; a crashed instance's leases are given back at once (at a start on the H2 file, which no other process
 * can open; within seconds on PostgreSQL: see {@link SourceLeases#releaseLeftBehind}), or expire, and the others take
 * its sources over. Within an instance, {@code manchette.polling.concurrency} polls run at most, and at most
 * {@code manchette.polling.per-host} talk to one host: a source whose host is busy simply stays due, so one slow
 * host never holds back the others. A reload of feeds.yml gives new sources their first poll time.
 * <p>
 * Polling starts before the web server does, once every bean is made: a restart's round of conditional GETs and the
 * timetable step before it overlap the web server's start, where they followed it (some 0.1 s of the round of 1000
 * sources, on 2 cores). It stops after the web server, so no request is answered from a store being closed under it.
 */
class PollScheduler implements SmartLifecycle {

	/** Just before the web server's start, and its stop just after. */
	static final int PHASE = WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE - 1;

	private static final Logger log = LoggerFactory.getLogger(PollScheduler.class);

	private final CurrentFeeds feeds;

	private final IngestRun ingestRun;

	private final SourceStatusRepository statuses;

	private final JudgedAgain judgedAgain;

	private final SourceLeases leases;

	private final TaskScheduler scheduler;

	private final Clock clock;

	private final ManchetteProperties.Polling settings;

	private final String owner;

	private final PollWorkers workers;

	private final StoreOutage outage;

	private final AtomicBoolean tickAsked = new AtomicBoolean();

	/**
	 * Due sources that a tick read beyond its room, the longest due first: the next ticks take from them before they
	 * read the timetable again, so that a round of many due sources (the 1000 conditional GETs of a restart) reads it
	 * once every few ticks rather than at each: a tick's read was a third of its statements, and a tick was a quarter of
	 * the round's CPU. The claim checks again that each is due and free, so one taken meanwhile is simply not claimed;
	 * a source whose host was busy, a claim that another instance was first to, or a tick that failed has the next tick
	 * read anew. Read and written by ticks alone, one at a time.
	 */
	private final Deque<String> dueAhead = new ArrayDeque<>();

	/** Whether the last tick left a due source because its host was busy. */
	private volatile boolean hostBusy;

	private volatile Set<String> enabled = Set.of();

	/**
	 * Sources that left this instance's feeds.yml at a reload: one due again (its last poll ended after the reload)
	 * goes out of the timetable. Others that are due and not in the file are another instance's, whose feeds.yml has
	 * them: left to it, and named once in a warning.
	 */
	private volatile Set<String> left = Set.of();

	private final Set<String> othersSources = ConcurrentHashMap.newKeySet();

	/**
	 * Sources whose poll the database went away under (nothing of it stored): their leases are given back at the first
	 * tick that reaches the database, so that they are polled again then, not when the lease runs out. A poll held up
	 * by a locked table keeps its lease, which paces its next try (the table may stay locked a while).
	 */
	private final Set<String> notStored = ConcurrentHashMap.newKeySet();

	/** A feeds.yml reloaded while the database was away, not in the timetable yet; null when none. */
	private volatile @Nullable FeedsFile reload;

	/** The feeds.yml the timetable was last made from. */
	private volatile @Nullable FeedsFile scheduled;

	private volatile ScheduledFuture<?> ticking;

	private volatile boolean stopped;

	/**
	 * The latest instant this instance has read from its clock, or at the start the latest poll the store recorded:
	 * a tick that reads an earlier one by more than a lease finds the clock set back (see {@link #followClockBack}).
	 * Read and written by ticks alone, one at a time.
	 */
	private @Nullable Instant latest;

	/**
	 * Made after {@code backfill} has run: items stored by an older version get their link keys before the first poll,
	 * so that a new item joins their story.
	 */
	PollScheduler(CurrentFeeds feeds, IngestRun ingestRun, SourceStatusRepository statuses, SourceLeases leases,
			TaskScheduler scheduler, Clock clock, ManchetteProperties properties, LeaseOwner owner, StoreOutage outage,
			LinkKeyBackfill backfill) {
		this.owner = owner.name();
		this.outage = outage;
		this.feeds = feeds;
		this.ingestRun = ingestRun;
		this.statuses = statuses;
		this.judgedAgain = new JudgedAgain(statuses);
		this.leases = leases;
		this.scheduler = scheduler;
		this.clock = clock;
		this.settings = properties.polling();
		this.workers = new PollWorkers(this.settings.concurrency(), this.settings.perHost());
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	@Override
	public boolean isRunning() {
		return this.ticking != null && !this.stopped;
	}

	@Override
	public void start() {
		int released = this.leases.releaseLeftBehind(this.owner);
		if (released > 0) {
			log.info("Gave back the leases of instances gone sources={}", released);
		}
		this.latest = this.statuses.latestAttempt().orElse(null);
		schedule(this.feeds.get());
		// Sources removed or disabled while no instance ran leave the timetable, so that finding the due ones needs no
		// list of sources. A start cannot tell them from sources that only another instance's feeds.yml has.
		this.statuses.unschedule(this.enabled);
		this.ticking = this.scheduler.scheduleWithFixedDelay(this::tick, this.settings.tick());
		log.info("Polling {} sources as {}", this.enabled.size(), this.owner);
	}

	@EventListener
	void reloaded(FeedsFileReloaded event) {
		Set<String> before = this.enabled;
		FeedsFile previous = this.scheduled;
		try {
			reschedule(event.feeds(), before, previous);
			this.reload = null;
		}
		catch (RuntimeException ex) {
			if (!this.outage.said("taking the reloaded feeds.yml into the timetable", ex)) {
				throw ex;
			}
			// Taken into the timetable by the first tick that reaches the database: the file is not read again.
			this.enabled = before;
			this.scheduled = previous;
			this.reload = event.feeds();
		}
	}

	/** A reload that the database was away for: taken in by the first tick that reaches it. */
	private void takeInReload() {
		FeedsFile pending = this.reload;
		if (pending != null) {
			reschedule(pending, this.enabled, this.scheduled);
			this.reload = null;
		}
	}

	private void reschedule(FeedsFile feeds, Set<String> before, @Nullable FeedsFile previous) {
		schedule(feeds);
		Set<String> leaving = before.stream().filter((id) -> !this.enabled.contains(id)).collect(Collectors.toSet());
		leaving.forEach((id) -> log.info("Stopped polling source={}", id));
		this.statuses.takeOut(leaving);
		Set<String> left = new HashSet<>(this.left);
		left.addAll(leaving);
		left.removeAll(this.enabled);
		this.left = Set.copyOf(left);
		this.othersSources.clear();
		if (previous != null) {
			pollSooner(previous, feeds);
			// With the tick's lock: no poll is between its claim and its start meanwhile.
			synchronized (this) {
				this.judgedAgain.edited(previous, feeds, this.workers::polling);
			}
		}
	}

	/**
	 * A source whose longest wait an edit shortened is due at its last poll plus the new wait (now, if that has passed),
	 * not when the old wait would end: an interval taken from 6h to 10m would otherwise apply only after up to six
	 * hours more. A source in its backoff after failures keeps it. A longer wait applies from the next poll on.
	 */
	private void pollSooner(FeedsFile before, FeedsFile after) {
		List<Source> shortened = after.enabledFeeds()
			.stream()
			.filter((source) -> before.source(source.id())
				.filter((old) -> old.enabled() && old.url().equals(source.url()))
				.filter((old) -> longestWait(source).compareTo(longestWait(old)) < 0)
				.isPresent())
			.toList();
		if (shortened.isEmpty()) {
			return;
		}
		// One read of the timetable, however many sources a file-wide edit shortened.
		Map<String, SourceStatus> statuses = this.statuses.findAll()
			.stream()
			.collect(Collectors.toMap(SourceStatus::sourceId, Function.identity()));
		Instant now = this.clock.instant();
		for (Source source : shortened) {
			SourceStatus status = statuses.get(source.id());
			if (status == null || status.lastAttemptAt() == null || status.consecutiveFailures() > 0) {
				continue;
			}
			Instant due = status.lastAttemptAt().plus(PollTiming.interval(longestWait(source), status.declaredInterval()));
			this.statuses.pollBy(source.id(), due.isBefore(now) ? now : due);
		}
	}

	/** The longest a source waits between two polls that succeed: its interval, or when adaptive its max-interval. */
	private static Duration longestWait(Source source) {
		return source.adaptive() ? source.maxInterval() : source.interval();
	}

	/** New sources get a first poll soon, spread over the start jitter; known ones keep their timetable. */
	private void schedule(FeedsFile config) {
		Instant now = this.clock.instant();
		List<FirstPoll> first = new ArrayList<>();
		for (Source source : config.enabledFeeds()) {
			long jitter = ThreadLocalRandom.current().nextLong(this.settings.startJitter().toMillis() + 1);
			first.add(new FirstPoll(source.id(), source.url().toString(), source.reading(), now.plusMillis(jitter)));
		}
		this.statuses.schedule(first);
		this.scheduled = config;
		this.enabled = config.enabledFeeds().stream().map(Source::id).collect(Collectors.toUnmodifiableSet());
	}

	/**
	 * Renews the leases that long polls still need, then claims what this instance has room for, in one statement,
	 * and hands it to the workers. Runs at every tick and again when a poll ends and frees enough room, so that a
	 * host's next due source does not wait for the next tick; one at a time.
	 */
	synchronized void tick() {
		this.tickAsked.set(false);
		if (this.stopped) {
			return;
		}
		// Picked sources hold their host's permit until handed to a worker or given back.
		Deque<Picked> picked = new ArrayDeque<>();
		try {
			Instant now = this.clock.instant();
			FeedsFile config = this.feeds.get();
			Duration lease = lease(config);
			followClockBack(now, lease);
			takeInReload();
			this.workers.renewLeases(now, lease, (ids, until) -> this.leases.renew(ids, this.owner, until));
			giveBackNotStored();
			int room = this.workers.room();
			if (room <= 0) {
				return;
			}
			if (this.dueAhead.size() < room) {
				// Other instances' sources come first when due and are skipped: as many more are read.
				this.dueAhead.clear();
				this.dueAhead.addAll(
						this.leases.due(now, this.settings.concurrency() * 2 + this.othersSources.size()));
				this.outage.answered();
			}
			boolean blocked = false;
			while (picked.size() < room && !this.dueAhead.isEmpty()) {
				String id = this.dueAhead.removeFirst();
				Source source = config.source(id).filter(Source::enabled).orElse(null);
				if (source == null) {
					leftOrOthers(id, config);
					continue;
				}
				// A source whose host is busy is not claimed: it stays due, for this instance later or another now.
				Semaphore host = this.workers.host(source);
				if (host != null) {
					picked.add(new Picked(source, host));
				}
				else {
					blocked = true;
				}
			}
			if (blocked) {
				// The next tick reads the timetable again: the sources of a host that frees come first again.
				this.dueAhead.clear();
			}
			this.hostBusy = blocked;
			if (picked.isEmpty()) {
				return;
			}
			Instant until = now.plus(lease);
			Map<String, PollStart> claimed = this.leases
				.claim(picked.stream().map((pick) -> pick.source().id()).toList(), this.owner, now, until)
				.stream()
				.collect(Collectors.toMap((start) -> start.status().sourceId(), Function.identity()));
			while (!picked.isEmpty()) {
				Picked pick = picked.removeFirst();
				PollStart start = claimed.get(pick.source().id());
				if (start == null) {
					// Another instance was first: the next tick reads what is still due.
					pick.host().release();
					this.dueAhead.clear();
				}
				else {
					this.workers.run(pick.source(), pick.host(), until, () -> poll(pick.source(), start), this::ended);
				}
			}
		}
		catch (RuntimeException ex) {
			// The database may be unreachable for a while: the next tick tries again, and the log says it once.
			if (!this.outage.said("polling", ex)) {
				log.warn("Poll tick failed kind={} detail={}", ex.getClass().getSimpleName(), ex.getMessage());
			}
			picked.forEach((pick) -> pick.host().release());
			// Read anew by the tick that reaches the database, which says that it answers again.
			this.dueAhead.clear();
		}
	}

	private void poll(Source source, PollStart start) {
		PollReport report = this.ingestRun.run(source, start);
		try {
			this.judgedAgain.pollEnded(source.id());
		}
		catch (RuntimeException ex) {
			if (!this.outage.said("forgetting the validators of a source whose rules were edited", ex)) {
				throw ex;
			}
		}
		if (report.outcome() == PollOutcome.INTERRUPTED && this.outage.down() && !this.stopped) {
			this.notStored.add(source.id());
		}
	}

	/** The leases of polls the database went away under, given back now that it answers (see {@link #notStored}). */
	private void giveBackNotStored() {
		if (this.notStored.isEmpty()) {
			return;
		}
		// Not one this instance has claimed again since (its lease ran out meanwhile): that poll holds it.
		List<String> ids = this.notStored.stream().filter((id) -> !this.workers.polling(id)).toList();
		this.leases.giveBack(this.owner, ids);
		ids.forEach(this.notStored::remove);
	}

	/**
	 * A due source that this instance does not poll: out of the timetable if it is disabled or left the file (its last
	 * poll ended after the reload); otherwise another instance's feeds.yml has it (an edit made on one machine first),
	 * and that instance polls it: taken out, it would be polled by none.
	 */
	private void leftOrOthers(String id, FeedsFile config) {
		if (this.left.contains(id) || config.source(id).isPresent()) {
			this.statuses.takeOut(List.of(id));
		}
		else if (this.othersSources.add(id)) {
			log.warn("A source due in the timetable is not in this instance's feeds.yml: left to the instances "
					+ "whose feeds.yml has it; give every instance the same feeds.yml source={}", id);
		}
	}

	/**
	 * The timetable was written by the clock's earlier readings: set back (by NTP, by hand, or at a boot on a machine
	 * without a battery-backed clock), it would have each source wait that much longer, an hour for an hour. Set back
	 * by more than a lease (less is within what instances' clocks may differ by), the due times still ahead move back
	 * by as much. Set forward, due times simply come sooner: the sources are polled in a burst that the concurrency
	 * and the per-host limits pace.
	 */
	private void followClockBack(Instant now, Duration lease) {
		Instant latest = this.latest;
		if (latest != null && now.plus(lease).isBefore(latest)) {
			Duration jump = Duration.between(now, latest);
			int moved = this.statuses.moveDueTimesBack(now, jump);
			this.dueAhead.clear();
			log.warn("The clock went back by {} s: the timetable moves back as much sources={}", jump.toSeconds(), moved);
		}
		else if (latest != null && !now.isAfter(latest)) {
			return;
		}
		this.latest = now;
	}

	/** A source picked for a claim, with the permit of its host. */
	private record Picked(Source source, Semaphore host) {
	}

	/**
	 * A tick claims what room there is in one statement: asked for when a poll ends and half the room is free, or a
	 * due source waits for its host, not after every poll, so that a round of short polls is claimed in batches.
	 */
	private void ended(int running, int concurrency) {
		if (running <= concurrency / 2 || this.hostBusy) {
			nextTick();
		}
	}

	private void nextTick() {
		// One tick asked for at a time: polls that end together share it.
		if (this.stopped || !this.tickAsked.compareAndSet(false, true)) {
			return;
		}
		try {
			this.scheduler.schedule(this::tick, this.clock.instant());
		}
		catch (RuntimeException rejected) {
			// The scheduler is shutting down with the service.
		}
	}

	private Duration lease(FeedsFile config) {
		return lease(this.settings.lease(), config.poll().timeout());
	}

	/**
	 * {@code manchette.polling.lease}, but at least twice {@code poll.timeout}: longer than any poll can take, so that
	 * a live instance never loses a source it is still polling.
	 */
	static Duration lease(Duration setting, Duration timeout) {
		// Not multipliedBy(2): it goes through BigDecimal, at every tick.
		Duration floor = timeout.plus(timeout);
		return (setting.compareTo(floor) >= 0) ? setting : floor;
	}

	@Override
	public void stop() {
		if (this.stopped) {
			return;
		}
		this.stopped = true;
		if (this.ticking != null) {
			this.ticking.cancel(false);
		}
		try {
			// The stop waits for the polls storing: their leases must outlast the wait, or another instance would
			// poll their sources meanwhile.
			Duration wait = this.settings.stopWait().plus(PollWorkers.ROLLBACK_WAIT);
			this.workers.renewLeases(this.clock.instant(), wait.plus(wait),
					(ids, until) -> this.leases.renew(ids, this.owner, until));
		}
		catch (RuntimeException ex) {
			log.warn("Could not renew the leases owner={} detail={}", this.owner, ex.getMessage());
		}
		Set<String> running = this.workers.stop(this.settings.stopWait());
		try {
			// Interrupted polls record nothing: handing their sources back lets any instance poll them at once. A poll
			// still running keeps its lease, which its transaction may hold the row of: it expires.
			this.leases.release(this.owner, running);
		}
		catch (RuntimeException ex) {
			log.warn("Could not give back the leases owner={} detail={}", this.owner, ex.getMessage());
		}
	}

}
