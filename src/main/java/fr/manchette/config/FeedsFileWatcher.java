package fr.manchette.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Re-reads feeds.yml when its content changes ({@code manchette.reload-interval}, default every 2 s): a valid edit
 * is in force within seconds, without a restart; an invalid one is refused in one log line and the last good
 * configuration keeps running. Content, not modification time, decides: editors and volume mounts play with times.
 * A content refused right after it changed is read again at the next check before it is called wrong: an editor
 * that empties the file and then writes it leaves it empty or cut short for a moment, which is no mistake.
 */
@Component
class FeedsFileWatcher {

	private static final Logger log = LoggerFactory.getLogger(FeedsFileWatcher.class);

	private final Path path;

	private final CurrentFeeds current;

	private final ApplicationEventPublisher events;

	private final FeedsFileLoader loader;

	private byte[] lastSeen;

	private boolean missingReported;

	/** Whether the content last seen was refused once, right after it changed: read again at the next check. */
	private boolean settling;

	FeedsFileWatcher(ManchetteProperties properties, FeedsFileLoader loader, CurrentFeeds current,
			ApplicationEventPublisher events) {
		this.path = properties.feeds();
		this.loader = loader;
		this.current = current;
		this.events = events;
		this.lastSeen = read();
	}

	@Scheduled(initialDelayString = "${manchette.reload-interval:PT2S}",
			fixedDelayString = "${manchette.reload-interval:PT2S}")
	synchronized void check() {
		byte[] content = read();
		if (content == null) {
			if (!this.missingReported) {
				log.error("feeds.yml ({}) cannot be read ({}): keeping the last good configuration",
						this.path.toAbsolutePath().normalize(), whyUnreadable(this.path));
				this.missingReported = true;
			}
			return;
		}
		this.missingReported = false;
		boolean changed = !Arrays.equals(content, this.lastSeen);
		if (!changed && !this.settling) {
			return;
		}
		this.lastSeen = content;
		this.settling = false;
		try {
			FeedsFile feeds = this.loader.load(this.path);
			this.current.replace(feeds);
			log.info("Reloaded feeds.yml sources={} enabled={}", feeds.feeds().size(), feeds.enabledFeeds().size());
			this.events.publishEvent(new FeedsFileReloaded(feeds));
		}
		catch (InvalidFeedsFileException ex) {
			if (changed) {
				// Perhaps a save under way: an ERROR for it would alarm whoever runs us for nothing.
				this.settling = true;
				log.debug("feeds.yml changed and cannot be taken yet, read again at the next check: {}",
						String.join("; ", ex.problems()));
				return;
			}
			log.error("feeds.yml edit refused, keeping the last good configuration: {}",
					String.join("; ", ex.problems()));
		}
	}

	/** Why the file could not be read, in the operator's words: what they can fix. */
	private static String whyUnreadable(Path path) {
		if (Files.isDirectory(path)) {
			return "it is a directory";
		}
		if (!Files.exists(path)) {
			return "it does not exist";
		}
		return Files.isReadable(path) ? "an I/O error" : "permission denied";
	}

	private byte[] read() {
		try (InputStream in = Files.newInputStream(this.path)) {
			// Past the loader's limit a file is refused whatever it holds: the whole of a log copied over feeds.yml
			// would fill the heap, every reload-interval.
			return in.readNBytes(FeedsFileLoader.MAX_BYTES + 1);
		}
		catch (IOException ex) {
			return null;
		}
	}

}
