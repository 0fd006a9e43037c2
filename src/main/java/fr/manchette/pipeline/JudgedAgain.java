package fr.manchette.pipeline;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import fr.manchette.config.FeedsFile;
import fr.manchette.config.Source;
import fr.manchette.editorial.EditorialStage;
import fr.manchette.store.SourceStatusRepository;

/**
 * Sources whose {@code drop}, {@code keep} or {@code languages} an edit changed. What their feed answered was judged
 * by the old rules: a 304 to its validators would say that the feed did not change, not that the new rules keep the
 * same items (a rule taken out would leave what it dropped out until the feed changes). Their validators are
 * forgotten, so that the next poll fetches the feed whole and judges it again; a poll under way at the edit, judging
 * by the old rules, records validators as it ends: they are forgotten once it has ended.
 */
final class JudgedAgain {

	private final SourceStatusRepository statuses;

	/** Sources edited while polled, their validators to forget when that poll ends. */
	private final Set<String> polledAtTheEdit = ConcurrentHashMap.newKeySet();

	JudgedAgain(SourceStatusRepository statuses) {
		this.statuses = statuses;
	}

	/**
	 * After an edit. Not while a poll is being claimed and started: a poll claimed with the old validators is then
	 * {@code polling} already, and one claimed after reads none.
	 * @param polling whether a source is being polled by this instance
	 */
	void edited(FeedsFile before, FeedsFile after, Predicate<String> polling) {
		Set<String> edited = after.feeds()
			.stream()
			.filter((source) -> before.source(source.id())
				.filter((old) -> !EditorialStage.version(before.rules(), old.rules())
					.equals(EditorialStage.version(after.rules(), source.rules())))
				.isPresent())
			.map(Source::id)
			.collect(Collectors.toSet());
		if (edited.isEmpty()) {
			return;
		}
		// Noted before the validators are forgotten: a poll that ends in between forgets them after it recorded them.
		edited.stream().filter(polling).forEach(this.polledAtTheEdit::add);
		this.statuses.forgetValidators(edited);
	}

	/** After a poll of this source, once its outcome is recorded. */
	void pollEnded(String sourceId) {
		if (this.polledAtTheEdit.contains(sourceId)) {
			this.statuses.forgetValidators(Set.of(sourceId));
			this.polledAtTheEdit.remove(sourceId);
		}
	}

}
